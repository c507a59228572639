package jp.govcloudops.notify;

import java.util.List;

/** How queued mail leaves: SMTP (Spring Boot's mail sender) or Amazon SES. */
public interface MailTransport {

    /** Whether the transport can send now; when not, mail waits in the outbox. */
    boolean isConfigured();

    /** What to tell the operator when it is not configured. */
    String missingConfiguration();

    void send(String from, List<String> recipients, String subject, String body) throws Exception;
}
