package jp.govcloudops.integrity.digest;

/** A digest file that is not what CloudTrail writes (not gzip or JSON, or a required field missing). */
public class DigestFormatException extends Exception {

    public DigestFormatException(String message) {
        super(message);
    }
}
