package jp.govcloudops.integrity;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jp.govcloudops.detect.Analytics;
import jp.govcloudops.detect.DetectionWindow;
import jp.govcloudops.detect.Evidence;
import jp.govcloudops.detect.Finding;
import jp.govcloudops.detect.FindingDraft;
import jp.govcloudops.detect.FindingMails;
import jp.govcloudops.detect.Texts;
import jp.govcloudops.detect.rule.Rule;
import jp.govcloudops.detect.rule.RuleCatalog;
import jp.govcloudops.integrity.check.IntegrityStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A CRITICAL finding per account, region and day in which the stored trail integrity results show tampering (a log
 * file missing, changed or added, a digest unreadable or wrongly signed, a broken chain). Derived from the stored
 * results, like every detector, so {@code verify-trail}, the nightly detection and {@code findings rebuild} agree.
 */
@Component
public class TrailIntegrityDetector extends Analytics {

    public static final String RULE = "trail-integrity-violation";

    /** Files named in a finding's evidence; the rest are counted. */
    private static final int EVIDENCE_FILES = 20;

    public TrailIntegrityDetector(JdbcTemplate jdbc, RuleCatalog catalog) {
        super(jdbc, catalog, RULE);
    }

    @Override
    public String name() {
        return "trail-integrity";
    }

    private record Row(LocalDateTime hour, IntegrityStatus status, String key, String detail) {
    }

    @Override
    public List<Finding> detect(DetectionWindow window) {
        Rule rule = rule(RULE).orElse(null);
        if (rule == null) {
            return List.of();
        }
        List<String> tampering = java.util.Arrays.stream(IntegrityStatus.values())
                .filter(s -> s.kind() == IntegrityStatus.Kind.TAMPERING).map(Enum::name).toList();
        Map<List<Object>, List<Row>> groups = new LinkedHashMap<>();
        jdbc.query("SELECT h.account_id, h.region, h.hour_start, p.status, p.object_key, p.detail"
                + " FROM trail_integrity_problem p JOIN trail_integrity_hour h ON h.id = p.hour_id"
                + " WHERE h.hour_start >= ? AND h.hour_start < ? AND p.status IN ("
                + String.join(", ", tampering.stream().map(s -> "'" + s + "'").toList()) + ")"
                + " ORDER BY h.hour_start, p.id", rs -> {
                    LocalDateTime hour = time(rs, 3);
                    groups.computeIfAbsent(List.of(rs.getString(1), rs.getString(2), window.dayOf(hour)),
                            k -> new ArrayList<>()).add(new Row(hour, IntegrityStatus.valueOf(rs.getString(4)),
                                    rs.getString(5), rs.getString(6)));
                }, window.fromUtc(), window.toUtc());
        List<Finding> findings = new ArrayList<>();
        groups.forEach((key, rows) -> {
            String account = (String) key.get(0);
            String region = (String) key.get(1);
            LocalDate day = (LocalDate) key.get(2);
            Map<String, Long> byStatus = new TreeMap<>();
            rows.forEach(r -> byStatus.merge(r.status().labelJa(), 1L, Long::sum));
            List<Map<String, Object>> files = new ArrayList<>();
            rows.stream().limit(EVIDENCE_FILES).forEach(r -> {
                Map<String, Object> file = new LinkedHashMap<>();
                file.put("hour_utc", r.hour().toString());
                file.put("status", r.status().name());
                file.put("object_key", r.key());
                file.put("detail", r.detail());
                files.add(file);
            });
            Evidence evidence = new Evidence("trail-integrity").put("problems", rows.size()).put("files", files);
            LocalDateTime first = rows.get(0).hour();
            LocalDateTime last = rows.get(rows.size() - 1).hour();
            findings.add(new FindingDraft(rule, name(), day, account, region)
                    .times(first, last.plusMinutes(59))
                    .where(account, region)
                    .resource(rows.get(0).key())
                    .eventNames(Texts.counts(byStatus, 5))
                    .summary("CloudTrail ログの完全性検証で問題 " + rows.size() + " 件（" + Texts.counts(byStatus, 5)
                            + "、最初 " + FindingMails.jst(first) + "）: " + rows.stream().map(Row::key).distinct()
                                    .limit(3).map(k -> k.substring(k.lastIndexOf('/') + 1))
                                    .collect(Collectors.joining(", ")))
                    .evidence(evidence.toString())
                    .matches(rows.size())
                    .build());
        });
        return findings;
    }
}
