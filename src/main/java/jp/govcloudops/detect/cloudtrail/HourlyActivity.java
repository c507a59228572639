package jp.govcloudops.detect.cloudtrail;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.govcloudops.detect.Analytics;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hourly CloudTrail aggregates (ct_hourly of ACTIVE objects) of a time range, read once and kept in memory
 * for the statistical detectors: one plain scan is much cheaper than many grouped queries. Repeated texts are
 * shared, so a month of an estate takes little memory.
 */
final class HourlyActivity {

    record Row(String account, LocalDateTime hour, String identityType, String principal, String sourceIp,
            String region, String eventSource, String eventName, Boolean readOnly, String errorCode, long events) {

        boolean isService() {
            return "AWSService".equals(identityType) || (principal != null && principal.endsWith(".amazonaws.com"));
        }
    }

    private HourlyActivity() {
    }

    static List<Row> load(JdbcTemplate jdbc, LocalDateTime from, LocalDateTime to) {
        Map<String, String> texts = new HashMap<>();
        Map<LocalDateTime, LocalDateTime> hours = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        jdbc.query("SELECT p.account_id, t.event_hour, t.identity_type, t.principal, t.source_ip, t.event_region,"
                + " t.event_source, t.event_name, t.read_only, t.error_code, t.events FROM ct_hourly t" + Analytics.ACTIVE
                + " WHERE t.event_hour >= ? AND t.event_hour < ?", rs -> {
                    boolean readOnly = rs.getBoolean(9);
                    Boolean ro = rs.wasNull() ? null : readOnly;
                    LocalDateTime hour = rs.getObject(2, LocalDateTime.class);
                    rows.add(new Row(share(texts, rs.getString(1)), hours.computeIfAbsent(hour, h -> h),
                            share(texts, rs.getString(3)), share(texts, rs.getString(4)), share(texts, rs.getString(5)),
                            share(texts, rs.getString(6)), share(texts, rs.getString(7)), share(texts, rs.getString(8)),
                            ro, share(texts, rs.getString(10)), rs.getLong(11)));
                }, from, to);
        return rows;
    }

    private static String share(Map<String, String> texts, String s) {
        return s == null ? null : texts.computeIfAbsent(s, k -> k);
    }
}
