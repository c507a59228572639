package jp.govcloudops.detect.rule;

/** A rule file that cannot be used; the message names the file (once known) and what is wrong where. */
public class RuleFormatException extends RuntimeException {

    public RuleFormatException(String message) {
        super(message);
    }

    public RuleFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
