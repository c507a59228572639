package jp.govcloudops.detect;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import jp.govcloudops.config.DetectionProperties;
import jp.govcloudops.config.GovcloudProperties;
import jp.govcloudops.config.Severity;
import jp.govcloudops.store.MailOutbox;
import jp.govcloudops.store.OutgoingMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Queues finding notifications in the mail outbox (sent by the mail stage): one mail per finding at or above the
 * configured severity, keyed by the finding's fingerprint so that no re-run or reprocessing mails it twice, and one
 * digest per night of the findings not mailed one by one.
 */
@Component
public class FindingNotifier {

    private static final Logger log = LoggerFactory.getLogger(FindingNotifier.class);

    public record Queued(int individual, int digestItems, boolean recipients) {
        public String describe() {
            if (!recipients) {
                return "no notification recipients configured (govcloud.detection.notifications.recipients):"
                        + " findings are stored, not mailed";
            }
            return individual + " finding mails queued" + (digestItems > 0 ? ", digest of " + digestItems
                    + " findings queued" : "");
        }
    }

    private final FindingStore store;
    private final MailOutbox outbox;
    private final FindingMails mails;
    private final DetectionProperties.Notifications settings;
    private final GovcloudProperties general;

    public FindingNotifier(FindingStore store, MailOutbox outbox, FindingMails mails, DetectionProperties properties,
            GovcloudProperties general) {
        this.store = store;
        this.outbox = outbox;
        this.mails = mails;
        this.settings = properties.notifications();
        this.general = general;
    }

    /**
     * For a run over the days {@code from}..{@code to}: findings whose events lie within {@code max-age-days} before
     * {@code from} or later are mailed one by one; the digest is {@code to}'s.
     */
    public Queued queue(LocalDate from, LocalDate to) {
        LocalDate day = to;
        List<String> recipients = settings.recipients();
        if (recipients.isEmpty()) {
            log.warn("Findings are not mailed: govcloud.detection.notifications.recipients is empty");
            return new Queued(0, 0, false);
        }
        Severity minimum = settings.severityThreshold();
        LocalDateTime since = new DetectionWindow(day, day, general.zoneOffsetHours())
                .startUtc(from.minusDays(settings.maxAgeDays()));
        int individual = 0;
        for (FindingStore.Stored f : store.toNotify(minimum, since)) {
            if (outbox.enqueue(new OutgoingMail("finding:" + f.fingerprint(), "finding", recipients, mails.subject(f),
                    mails.body(f)))) {
                individual++;
            }
        }
        int digestItems = 0;
        if (settings.digest()) {
            List<FindingStore.Stored> rest = store.forDigest(minimum, since);
            if (!rest.isEmpty() && outbox.enqueue(new OutgoingMail("finding-digest:" + day, "finding-digest",
                    recipients, mails.digestSubject(day, rest.size()), mails.digestBody(day, rest)))) {
                store.markDigested(rest.stream().map(FindingStore.Stored::id).toList());
                digestItems = rest.size();
            }
        }
        return new Queued(individual, digestItems, true);
    }
}
