package jp.govcloudops.store;

import java.util.List;

/**
 * A notification to send once. {@code dedupeKey} names what the mail is about (for example
 * {@code cost:<account>:<month>:<rule>}); a second mail with the same key is never queued.
 */
public record OutgoingMail(String dedupeKey, String kind, List<String> recipients, String subject, String body) {

    public OutgoingMail {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a mail needs at least one recipient (" + dedupeKey + ")");
        }
    }
}
