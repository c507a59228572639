package jp.govcloudops.records;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import jp.govcloudops.config.GovcloudProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Turns {@link FindingReference}s into finding ids when operator records are imported. The window is an hour
 * because a finding's first event is the first record its rule matched, which can come some minutes after the
 * record the operator noticed (a burst of denied calls starts after the caller's first, allowed call), and flow
 * findings start at the hour's beginning.
 */
@Component
public class FindingResolver {

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    public FindingResolver(JdbcTemplate jdbc, GovcloudProperties settings) {
        this.jdbc = jdbc;
        this.zone = settings.zone();
    }

    /** The finding's id, or null when the store has no finding there (or no findings at all). */
    public Long resolve(FindingReference reference) {
        var from = reference.firstEvent().atZone(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        try {
            List<Long> ids = jdbc.queryForList("SELECT id FROM finding WHERE derived = TRUE AND account_id = ? AND first_event_at >= ?"
                    + " AND first_event_at < ? ORDER BY severity_rank DESC, first_event_at, id", Long.class,
                    reference.accountId(), from, from.plusHours(1));
            return ids.isEmpty() ? null : ids.get(0);
        } catch (org.springframework.jdbc.BadSqlGrammarException e) {
            return null;
        }
    }
}
