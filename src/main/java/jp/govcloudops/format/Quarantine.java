package jp.govcloudops.format;

/**
 * Receives input that could not be placed: a record (or the unreadable rest of an object) with where it was and
 * why. {@code records} is how many records the entry stands for, so that for every object the records in views
 * plus the quarantined records equal the records in the file.
 */
@FunctionalInterface
public interface Quarantine {

    void reject(String position, String reason, String excerpt, long records);

    default void reject(String position, String reason, String excerpt) {
        reject(position, reason, excerpt, 1);
    }
}
