package jp.govcloudops.notify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import jp.govcloudops.config.FileModes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the messages still waiting in the outbox as text files (one per mail, with its recipients and subject),
 * so that they can be read where no SMTP server is configured, as in the demo. They name accounts and findings, so
 * they get the configured file mode (by default the owner's alone).
 */
@Component
public class OutboxFiles {

    private final JdbcTemplate jdbc;
    private final FileModes modes;

    public OutboxFiles(JdbcTemplate jdbc, FileModes modes) {
        this.jdbc = jdbc;
        this.modes = modes;
    }

    /** Returns the files written. */
    public List<Path> writeUnsent(Path directory) throws IOException {
        modes.createDirectories(directory);
        List<Object[]> mails = jdbc.query("SELECT id, kind, recipients, subject, body FROM mail_outbox"
                + " WHERE state <> 'SENT' ORDER BY id", (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5)});
        List<Path> files = new java.util.ArrayList<>();
        for (Object[] mail : mails) {
            Path file = directory.resolve("%05d-%s.txt".formatted((Long) mail[0], mail[1]));
            modes.writeString(file, "To: " + mail[2] + "\nSubject: " + mail[3] + "\n\n" + mail[4]);
            files.add(file);
        }
        return files;
    }
}
