package jp.govcloudops.report.query;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.govcloudops.integrity.check.IntegrityStatus;
import jp.govcloudops.report.ReportContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What the "ログ保全" subsection shows, read from the store for the report's month (Japan days up to the last
 * counted day): the trail integrity results per account and region, the problem files, and the log-keeping
 * settings seen in the month's CloudTrail (lifecycle, versioning, Object Lock, bucket policy, event selectors,
 * logging, KMS keys), as records for {@link LogKeepingWriter}.
 */
public final class TrailIntegrityQuery {

    /** Events that set or weaken how the logs are kept. */
    public static final List<String> KEEPING_EVENTS = List.of("PutBucketLifecycle", "PutBucketLifecycleConfiguration",
            "DeleteBucketLifecycle", "PutBucketVersioning", "PutObjectLockConfiguration", "DeleteBucketPolicy",
            "PutEventSelectors", "StopLogging", "StartLogging", "DeleteTrail", "DisableKey", "ScheduleKeyDeletion");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One account and region: hours checked, by kind of result, and how many had a digest. */
    public record StreamMonth(String accountId, String region, long hours, long valid, long notYetCovered, long unproven,
            long gaps, long tampering, long withDigest, long logFiles, long validFiles) {
    }

    public record ProblemFile(LocalDateTime hourUtc, String accountId, String region, IntegrityStatus status,
            String objectKey) {
    }

    public record KeepingEvent(LocalDateTime timeUtc, String accountId, String eventName, String resource,
            String principal, String setting) {
    }

    public record Result(long monthHours, List<StreamMonth> streams, List<ProblemFile> problems, long problemCount,
            List<KeepingEvent> events) {
    }

    private TrailIntegrityQuery() {
    }

    public static Result load(ReportContext c, int maxProblems) {
        LocalDateTime from = c.utcStart();
        LocalDateTime to = c.utc(c.lastCountedDay().plusDays(1).atStartOfDay());
        long monthHours = Math.max(0, Duration.between(from, to).toHours());
        List<StreamMonth> streams = c.jdbc().query("SELECT account_id, region, COUNT(*),"
                + " SUM(CASE WHEN status = 'VALID' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN status = 'NOT_YET_COVERED' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN status IN ('SIGNATURE_NOT_AVAILABLE', 'PUBLIC_KEY_NOT_AVAILABLE') THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN status = 'DIGEST_MISSING' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN status IN (" + quoted(tampering()) + ") THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN digest_key IS NULL THEN 0 ELSE 1 END), SUM(log_files), SUM(valid_files)"
                + " FROM trail_integrity_hour WHERE hour_start >= ? AND hour_start < ?"
                + " GROUP BY account_id, region ORDER BY account_id, region",
                (rs, i) -> new StreamMonth(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
                        rs.getLong(11)), from, to);
        List<ProblemFile> problems = new ArrayList<>();
        long[] total = {0};
        c.jdbc().query("SELECT h.hour_start, h.account_id, h.region, p.status, p.object_key"
                + " FROM trail_integrity_problem p JOIN trail_integrity_hour h ON h.id = p.hour_id"
                + " WHERE h.hour_start >= ? AND h.hour_start < ? AND p.status <> 'NOT_YET_COVERED'"
                + " ORDER BY h.hour_start, h.account_id, h.region, p.id", rs -> {
                    if (total[0]++ < maxProblems) {
                        problems.add(new ProblemFile(rs.getObject(1, LocalDateTime.class), rs.getString(2),
                                rs.getString(3), IntegrityStatus.valueOf(rs.getString(4)), rs.getString(5)));
                    }
                }, from, to);
        Map<String, KeepingEvent> events = new LinkedHashMap<>();
        c.jdbc().query("SELECT t.event_time, p.account_id, t.event_name, t.resource, t.principal, t.raw_record,"
                + " t.event_id FROM det_ct_match t JOIN source_object o ON o.id = t.object_id AND o.state = 'ACTIVE'"
                + " JOIN log_partition p ON p.id = t.partition_id WHERE t.event_time >= ? AND t.event_time < ?"
                + " AND t.event_name IN (" + quoted(KEEPING_EVENTS) + ") ORDER BY t.event_time, t.id", rs -> {
                    // A record matches several rules and may be delivered twice: one line per event.
                    String id = rs.getString(7) != null ? rs.getString(7)
                            : rs.getString(3) + rs.getObject(1) + rs.getString(4);
                    KeepingEvent seen = events.get(id);
                    String setting = setting(rs.getString(3), rs.getString(6));
                    if (seen == null || (seen.setting() == null && setting != null)) {
                        events.put(id, new KeepingEvent(rs.getObject(1, LocalDateTime.class), rs.getString(2),
                                rs.getString(3), rs.getString(4), rs.getString(5), setting));
                    }
                }, from, to);
        return new Result(monthHours, streams, problems, total[0], List.copyOf(events.values()));
    }

    public static List<String> tampering() {
        return java.util.Arrays.stream(IntegrityStatus.values())
                .filter(s -> s.kind() == IntegrityStatus.Kind.TAMPERING).map(Enum::name).toList();
    }

    private static String quoted(List<String> values) {
        return String.join(", ", values.stream().map(v -> "'" + v + "'").toList());
    }

    /** The setting a kept raw record states: expiration days, versioning status, Object Lock retention. */
    public static String setting(String eventName, String raw) {
        if (raw == null) {
            return null;
        }
        JsonNode request;
        try {
            request = JSON.readTree(raw).path("requestParameters");
        } catch (RuntimeException e) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        switch (eventName) {
            case "PutBucketLifecycle", "PutBucketLifecycleConfiguration" -> {
                JsonNode rules = request.path("LifecycleConfiguration").path("Rule");
                for (JsonNode rule : rules.isArray() ? rules : List.of(rules)) {
                    String status = rule.path("Status").asString("");
                    days(parts, "期限切れ", rule.path("Expiration").path("Days"), status);
                    days(parts, "旧バージョン期限切れ", rule.path("NoncurrentVersionExpiration").path("NoncurrentDays"),
                            status);
                }
            }
            case "PutBucketVersioning" -> text(parts, "バージョニング",
                    request.path("VersioningConfiguration").path("Status"));
            case "PutObjectLockConfiguration" -> {
                JsonNode retention = request.path("ObjectLockConfiguration").path("Rule").path("DefaultRetention");
                text(parts, "Object Lock", retention.path("Mode"));
                days(parts, "保持", retention.path("Days"), "Enabled");
                days(parts, "保持(年)", retention.path("Years"), "Enabled");
            }
            case "PutEventSelectors" -> text(parts, "管理イベント",
                    request.path("eventSelectors").path(0).path("includeManagementEvents"));
            case "ScheduleKeyDeletion" -> days(parts, "削除待機", request.path("pendingWindowInDays"), "Enabled");
            default -> {
            }
        }
        return parts.isEmpty() ? null : String.join("、", parts);
    }

    private static void days(List<String> parts, String label, JsonNode days, String status) {
        if (!days.isMissingNode() && !days.isNull()) {
            parts.add(label + " " + days.asString() + "日" + ("Enabled".equalsIgnoreCase(status) ? "" : "（無効）"));
        }
    }

    private static void text(List<String> parts, String label, JsonNode value) {
        if (!value.isMissingNode() && !value.isNull()) {
            parts.add(label + " " + value.asString());
        }
    }
}
