package jp.govcloudops.source;

/**
 * A source location that cannot be read at all: a directory that is not there, a bucket that does not exist, S3
 * refusing the listing or not answering. The cause says which; a run checks its locations with
 * {@link ObjectSource#checkReadable()} before it starts, so this is one line at start-up, not a failed job.
 */
public class SourceUnavailableException extends RuntimeException {

    private final String location;

    public SourceUnavailableException(String location, Throwable cause) {
        super("source location " + location + " cannot be read: " + cause.getMessage(), cause);
        this.location = location;
    }

    /** The location as the operator gave it. */
    public String location() {
        return location;
    }
}
