package jp.govcloudops.records;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Reads operator records back for the console: the latest of each kind, and the effort spent on a finding. */
@Repository
public class OperatorRecordsQuery {

    /** A stored work-effort row; {@code start} and {@code findingId} may be null. */
    public record StoredEffort(long id, LocalDate date, LocalTime start, BigDecimal hours, String category,
            String person, Long findingId, String note, String sourceFile) {
    }

    /** A stored incident; times are UTC. */
    public record StoredIncident(String id, String title, String severity, LocalDateTime occurredAt, String status,
            Long findingId) {
    }

    /** A stored inquiry; times are UTC. */
    public record StoredInquiry(String id, LocalDateTime receivedAt, String requester, String subject,
            String status) {
    }

    /** A stored risk. */
    public record StoredRisk(String id, LocalDate identifiedOn, String title, String impact, String likelihood,
            String status, LocalDate closedOn) {
    }

    private static final String EFFORT = "SELECT id, work_date, start_time, hours, category, person, finding_id, note,"
            + " source_file FROM work_effort";

    private static final RowMapper<StoredEffort> EFFORT_ROW = (rs, i) -> new StoredEffort(rs.getLong(1),
            rs.getObject(2, LocalDate.class), rs.getObject(3, LocalTime.class), rs.getBigDecimal(4), rs.getString(5),
            rs.getString(6), rs.getObject(7) == null ? null : rs.getLong(7), rs.getString(8), rs.getString(9));

    private final JdbcTemplate jdbc;

    public OperatorRecordsQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<StoredEffort> effortForFinding(long findingId) {
        return jdbc.query(EFFORT + " WHERE finding_id = ? ORDER BY work_date, id", EFFORT_ROW, findingId);
    }

    public List<StoredEffort> latestEffort(int limit) {
        return jdbc.query(EFFORT + " ORDER BY work_date DESC, id DESC FETCH FIRST " + limit + " ROWS ONLY",
                EFFORT_ROW);
    }

    public List<StoredIncident> latestIncidents(int limit) {
        return jdbc.query("SELECT id, title, severity, occurred_at, status, finding_id FROM incident"
                + " ORDER BY occurred_at DESC FETCH FIRST " + limit + " ROWS ONLY",
                (rs, i) -> new StoredIncident(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDateTime.class), rs.getString(5),
                        rs.getObject(6) == null ? null : rs.getLong(6)));
    }

    public List<StoredInquiry> latestInquiries(int limit) {
        return jdbc.query("SELECT id, received_at, requester, subject, status FROM inquiry"
                + " ORDER BY received_at DESC FETCH FIRST " + limit + " ROWS ONLY",
                (rs, i) -> new StoredInquiry(rs.getString(1), rs.getObject(2, LocalDateTime.class), rs.getString(3),
                        rs.getString(4), rs.getString(5)));
    }

    public List<StoredRisk> latestRisks(int limit) {
        return jdbc.query("SELECT id, identified_on, title, impact, likelihood, status, closed_on FROM risk"
                + " ORDER BY identified_on DESC FETCH FIRST " + limit + " ROWS ONLY",
                (rs, i) -> new StoredRisk(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class)));
    }
}
