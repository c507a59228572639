package jp.govcloudops.cli;

/** Exit codes of every command, for cron and systemd. */
public final class ExitCodes {

    /** Everything done. */
    public static final int OK = 0;
    /** The run failed; nothing half-done is visible, and running the command again resumes it. */
    public static final int FAILURE = 1;
    /** Completed, but with data gaps, unreadable objects or quarantined input: look at `status`. */
    public static final int COMPLETED_WITH_GAPS = 2;

    private ExitCodes() {
    }
}
