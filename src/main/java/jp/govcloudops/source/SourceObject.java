package jp.govcloudops.source;

import java.time.Instant;

/** One object as listed: its key (full S3 key, or path relative to a local root), version tag and size. */
public record SourceObject(String key, String etag, long size, Instant lastModified) {
}
