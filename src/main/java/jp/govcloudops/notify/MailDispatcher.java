package jp.govcloudops.notify;

import java.time.Duration;

import jp.govcloudops.config.MailProperties;
import jp.govcloudops.store.MailOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds. Each message is tried a few times with backoff within a run; a message that still
 * fails stays in the outbox as FAILED with its error and is tried again by the next run, up to
 * {@link MailProperties#maxAttempts()} runs. Nothing is dropped silently.
 */
@Component
public class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

    public record Result(int sent, int failed, int waiting, boolean configured) {
    }

    private final MailOutbox outbox;
    private final MailTransport transport;
    private final MailProperties properties;

    @org.springframework.beans.factory.annotation.Autowired
    public MailDispatcher(MailOutbox outbox, ObjectProvider<JavaMailSender> sender, MailProperties properties) {
        this(outbox, properties.transport() == MailProperties.Transport.SES ? new SesTransport(properties.ses())
                : new SmtpTransport(sender), properties);
    }

    MailDispatcher(MailOutbox outbox, MailTransport transport, MailProperties properties) {
        this.outbox = outbox;
        this.transport = transport;
        this.properties = properties;
    }

    @jakarta.annotation.PreDestroy
    void close() throws Exception {
        if (transport instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    public Result dispatch() {
        if (!transport.isConfigured()) {
            int waiting = outbox.unsentCount();
            if (waiting > 0) {
                log.warn("{} notification mails wait in the outbox: {}", waiting, transport.missingConfiguration());
            }
            return new Result(0, 0, waiting, false);
        }
        RetryTemplate retry = new RetryTemplate(RetryPolicy.builder().maxRetries(2).delay(properties.retryDelay())
                .multiplier(2).maxDelay(Duration.ofSeconds(30)).build());
        int sent = 0;
        int failed = 0;
        for (MailOutbox.Pending message : outbox.pending(properties.maxAttempts())) {
            try {
                retry.execute(() -> {
                    transport.send(properties.from(), message.recipients(), message.subject(), message.body());
                    return null;
                });
                outbox.markSent(message.id());
                sent++;
            } catch (RetryException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                outbox.markFailed(message.id(), cause.toString());
                log.error("Could not send mail {} to {}: {}", message.dedupeKey(), message.recipients(), cause.toString());
                failed++;
            }
        }
        return new Result(sent, failed, outbox.unsentCount(), true);
    }

}
