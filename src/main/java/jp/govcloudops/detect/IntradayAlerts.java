package jp.govcloudops.detect;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import jp.govcloudops.calendar.ServiceHours;
import jp.govcloudops.config.DetectionProperties;
import jp.govcloudops.config.SecurityServicesProperties;
import jp.govcloudops.config.Severity;
import jp.govcloudops.store.MailOutbox;
import jp.govcloudops.store.OutgoingMail;
import org.springframework.stereotype.Component;

/**
 * The intraday run's immediate mails: inside 受付時間 the operators get the findings at or above the intraday
 * severity, outside it the on-call list gets those at or above its own (by default only CRITICAL). A mail is keyed
 * by the finding exactly as the nightly one, so each finding is mailed once, by whichever run sees it first; a HIGH
 * finding of the night waits for the operators' first run of the morning or the nightly mail.
 */
@Component
public class IntradayAlerts {

    /** What a run queued, and to whom. */
    public record Queued(int mails, boolean insideHours, boolean recipients) {
        public String describe() {
            String list = insideHours ? "operators (受付時間内)" : "on-call list (受付時間外)";
            return recipients ? mails + " immediate finding mails queued for the " + list
                    : "no recipients for the " + list + ": nothing mailed now";
        }
    }

    private final FindingStore store;
    private final MailOutbox outbox;
    private final FindingMails mails;
    private final ServiceHours serviceHours;
    private final List<String> operators;
    private final SecurityServicesProperties.Intraday settings;

    public IntradayAlerts(FindingStore store, MailOutbox outbox, FindingMails mails, ServiceHours serviceHours,
            DetectionProperties detection, SecurityServicesProperties services) {
        this.store = store;
        this.outbox = outbox;
        this.mails = mails;
        this.serviceHours = serviceHours;
        this.operators = detection.notifications().recipients();
        this.settings = services.intraday();
    }

    /** Queues the mails due at {@code at} for findings whose time is {@code since} or later. */
    public Queued queue(Instant at, LocalDateTime since) {
        // A day whose holidays are not known yet counts as outside 受付時間: the on-call list rather than no one.
        boolean inside = serviceHours.at(at) == ServiceHours.Status.INSIDE;
        List<String> recipients = inside ? operators : settings.onCallRecipients();
        if (recipients.isEmpty()) {
            return new Queued(0, inside, false);
        }
        Severity minimum = Severity.parse(inside ? settings.minSeverity() : settings.onCallMinSeverity());
        int queued = 0;
        for (FindingStore.Stored f : store.toNotify(minimum, since)) {
            if (outbox.enqueue(new OutgoingMail("finding:" + f.fingerprint(), "finding", recipients, mails.subject(f),
                    mails.body(f)))) {
                queued++;
            }
        }
        return new Queued(queued, inside, true);
    }
}
