package jp.govcloudops.detect.security;

import static jp.govcloudops.aggregate.TableRows.cut;

import java.util.List;

import jp.govcloudops.aggregate.ObjectAnalyzer;
import jp.govcloudops.aggregate.TableRows;
import jp.govcloudops.calendar.UtcTime;
import jp.govcloudops.format.finding.ServiceFinding;
import jp.govcloudops.store.ObjectContribution;

/**
 * Keeps every security-service finding of an object as delivered (sec_finding_event): the findings are derived
 * from these rows, so reprocessing an object or a partition replaces exactly its deliveries.
 */
public final class ServiceFindingRows implements ObjectAnalyzer<ServiceFinding> {

    private final TableRows rows = new TableRows("sec_finding_event", List.of("position", "source", "finding_key",
            "source_id", "origin", "finding_type", "title", "description", "severity", "score", "record_account_id",
            "record_region", "resource_type", "resource_id", "principal", "source_ip", "seen_count", "first_seen",
            "updated_at", "workflow", "record_state", "compliance", "raw_finding"), 60_000);

    private ServiceFindingRows() {
    }

    public static ObjectAnalyzer<ServiceFinding> collector() {
        return new ServiceFindingRows();
    }

    @Override
    public void accept(ServiceFinding f) {
        rows.add(rows.rowCount() + 1, f.source(), cut(f.key(), 1024), cut(f.sourceId(), 1024), cut(f.origin(), 64),
                cut(f.type(), 512), cut(f.title(), 1024), cut(f.description(), 4000), f.severity(), f.score(),
                cut(f.accountId(), 64), cut(f.region(), 64), cut(f.resourceType(), 256), cut(f.resourceId(), 1024),
                cut(f.principal(), 1024), cut(f.sourceIp(), 256), f.count(),
                UtcTime.ofEpochSecond(f.firstSeen().getEpochSecond()), utc(f.updatedAt()), cut(f.workflow(), 32),
                cut(f.recordState(), 32), cut(f.compliance(), 32), f.raw());
    }

    /** Millisecond precision: two exports of one finding can be updated within the same second. */
    private static java.time.LocalDateTime utc(java.time.Instant t) {
        return java.time.LocalDateTime.ofInstant(t, java.time.ZoneOffset.UTC).withNano(t.getNano() / 1_000_000 * 1_000_000);
    }

    @Override
    public List<ObjectContribution> contributions() {
        return List.of(rows);
    }
}
