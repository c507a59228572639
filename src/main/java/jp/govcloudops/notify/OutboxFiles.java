package jp.govcloudops.notify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the messages still waiting in the outbox as text files (one per mail, with its recipients and subject),
 * so that they can be read where no SMTP server is configured, as in the demo.
 */
@Component
public class OutboxFiles {

    private final JdbcTemplate jdbc;

    public OutboxFiles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns the files written. */
    public List<Path> writeUnsent(Path directory) throws IOException {
        Files.createDirectories(directory);
        List<Object[]> mails = jdbc.query("SELECT id, kind, recipients, subject, body FROM mail_outbox"
                + " WHERE state <> 'SENT' ORDER BY id", (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5)});
        List<Path> files = new java.util.ArrayList<>();
        for (Object[] mail : mails) {
            Path file = directory.resolve("%05d-%s.txt".formatted((Long) mail[0], mail[1]));
            Files.writeString(file, "To: " + mail[2] + "\nSubject: " + mail[3] + "\n\n" + mail[4],
                    StandardCharsets.UTF_8);
            files.add(file);
        }
        return files;
    }
}
