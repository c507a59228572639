package jp.govcloudops.store;

/** One quarantined record (or unreadable rest of an object), as stored. */
public record QuarantineEntry(String position, String reason, String excerpt, long records) {
}
