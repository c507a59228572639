package jp.govcloudops.notify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import jp.govcloudops.config.FileModes;
import jp.govcloudops.store.MailOutbox;
import org.springframework.stereotype.Component;

/**
 * Writes the messages still waiting in the outbox as text files (one per mail, with its recipients and subject),
 * so that they can be read where no SMTP server is configured, as in the demo. They name accounts and findings, so
 * they get the configured file mode (by default the owner's alone).
 */
@Component
public class OutboxFiles {

    private final MailOutbox outbox;
    private final FileModes modes;

    public OutboxFiles(MailOutbox outbox, FileModes modes) {
        this.outbox = outbox;
        this.modes = modes;
    }

    /** Returns the files written. */
    public List<Path> writeUnsent(Path directory) throws IOException {
        modes.createDirectories(directory);
        List<Path> files = new java.util.ArrayList<>();
        for (MailOutbox.Unsent mail : outbox.unsent()) {
            Path file = directory.resolve("%05d-%s.txt".formatted(mail.id(), mail.kind()));
            modes.writeString(file, "To: " + mail.recipients() + "\nSubject: " + mail.subject() + "\n\n" + mail.body());
            files.add(file);
        }
        return files;
    }
}
