package jp.govcloudops.integrity.check;

/**
 * What the check says about an hour of a CloudTrail stream, or about one file in it. Declared from the least to
 * the most serious: an hour shows its most serious problem.
 */
public enum IntegrityStatus {
    /** The hour's digests are signed by CloudTrail, chained, and every file they list is there unchanged. */
    VALID("正常", Kind.FINE),
    /** Log files delivered after the newest digest: CloudTrail has not vouched for them yet (the last hour). */
    NOT_YET_COVERED("未検証（ダイジェスト未到着）", Kind.FINE),
    /** A digest whose signature could not be found (no S3 metadata, no sidecar): hashes and chain still checked. */
    SIGNATURE_NOT_AVAILABLE("署名なし", Kind.UNPROVEN),
    /** No public key with the digest's fingerprint (key file or ListPublicKeys). */
    PUBLIC_KEY_NOT_AVAILABLE("公開鍵なし", Kind.GAP),
    /** An hour of the chain without its digest file. */
    DIGEST_MISSING("ダイジェストなし", Kind.GAP),
    /** A CloudTrail log object of the period that no digest lists. */
    LOG_FILE_ADDED("ログファイル追加", Kind.TAMPERING),
    /** A log file a digest lists is not there. */
    LOG_FILE_MISSING("ログファイル削除", Kind.TAMPERING),
    /** A log file whose uncompressed SHA-256 is not the digest's. */
    LOG_FILE_CHANGED("ログファイル改変", Kind.TAMPERING),
    /** A digest that is not a readable digest file. */
    DIGEST_UNREADABLE("ダイジェスト読取不能", Kind.TAMPERING),
    /** A digest whose signature does not verify, or that names another location than where it is. */
    DIGEST_SIGNATURE_INVALID("ダイジェスト署名不正", Kind.TAMPERING),
    /** A digest's previous-digest hash or signature does not match the previous digest, or it skips one. */
    CHAIN_BROKEN("チェーン断絶", Kind.TAMPERING);

    /** How a status counts: fine, a gap in what can be proven, or evidence of tampering. */
    public enum Kind {
        FINE, UNPROVEN, GAP, TAMPERING
    }

    private final String labelJa;
    private final Kind kind;

    IntegrityStatus(String labelJa, Kind kind) {
        this.labelJa = labelJa;
        this.kind = kind;
    }

    public String labelJa() {
        return labelJa;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the status makes the run's exit code 2. */
    public boolean wrong() {
        return kind != Kind.FINE;
    }

    public static IntegrityStatus worst(IntegrityStatus a, IntegrityStatus b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
