package jp.govcloudops.store;

/** What the manifest holds for one object key. */
public record ManifestRow(long id, String objectKey, String etag, String state, long generation) {

    public static final String ACTIVE = "ACTIVE";
    public static final String STAGED = "STAGED";
    public static final String FAILED = "FAILED";
}
