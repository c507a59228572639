package jp.govcloudops.store;

import java.time.LocalDateTime;
import java.util.List;

import jp.govcloudops.calendar.UtcTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The mail outbox table: queue once per dedupe key, then track each message until it is sent. */
@Repository
public class MailOutbox {

    public record Pending(long id, String dedupeKey, List<String> recipients, String subject, String body,
            int attempts) {
    }

    private final JdbcTemplate jdbc;

    public MailOutbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues the mail unless one with the same key was ever queued; returns whether it was queued now. */
    public boolean enqueue(OutgoingMail mail) {
        Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE dedupe_key = ?", Integer.class,
                mail.dedupeKey());
        if (existing != null && existing > 0) {
            return false;
        }
        try {
            jdbc.update("INSERT INTO mail_outbox (dedupe_key, kind, recipients, subject, body, state, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, 'PENDING', ?)", mail.dedupeKey(), mail.kind(),
                    String.join(",", mail.recipients()), mail.subject(), mail.body(), UtcTime.now());
            return true;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }

    public List<Pending> pending(int maxAttempts) {
        return jdbc.query("SELECT id, dedupe_key, recipients, subject, body, attempts FROM mail_outbox"
                + " WHERE state <> 'SENT' AND attempts < ? ORDER BY id", (rs, i) -> new Pending(rs.getLong(1),
                        rs.getString(2), List.of(rs.getString(3).split(",")), rs.getString(4), rs.getString(5),
                        rs.getInt(6)), maxAttempts);
    }

    public void markSent(long id) {
        LocalDateTime now = UtcTime.now();
        jdbc.update("UPDATE mail_outbox SET state = 'SENT', attempts = attempts + 1, sent_at = ?, last_error = NULL"
                + " WHERE id = ?", now, id);
    }

    public void markFailed(long id, String error) {
        jdbc.update("UPDATE mail_outbox SET state = 'FAILED', attempts = attempts + 1, last_error = ? WHERE id = ?",
                error == null ? null : error.substring(0, Math.min(error.length(), 2000)), id);
    }

    /** A mail not sent yet, as stored (recipients as one text). */
    public record Unsent(long id, String kind, String recipients, String subject, String body) {
    }

    /** Every mail not sent yet, oldest first. */
    public List<Unsent> unsent() {
        return jdbc.query("SELECT id, kind, recipients, subject, body FROM mail_outbox WHERE state <> 'SENT'"
                + " ORDER BY id",
                (rs, i) -> new Unsent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)));
    }

    /** Messages that are not sent, with their attempts and last error: shown by the nightly run and the report. */
    public int unsentCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE state <> 'SENT'", Integer.class);
    }
}
