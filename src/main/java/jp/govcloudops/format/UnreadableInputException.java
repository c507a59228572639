package jp.govcloudops.format;

/**
 * The rest of an object cannot be read (truncated gzip, broken JSON, not the format its key says). Records read
 * before it stand; the parser reports where it stopped.
 */
public class UnreadableInputException extends RuntimeException {

    private final String position;

    public UnreadableInputException(String position, String message, Throwable cause) {
        super(message, cause);
        this.position = position;
    }

    public String position() {
        return position;
    }
}
