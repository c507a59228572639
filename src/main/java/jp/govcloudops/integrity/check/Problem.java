package jp.govcloudops.integrity.check;

/** One thing wrong in an hour, with the file it is about (a log file or a digest key) and what was found. */
public record Problem(IntegrityStatus status, String objectKey, String detail) {
}
