package jp.govcloudops.pipeline;

/** Exit codes of every command, for cron and systemd. */
public final class ExitCodes {

    /** Everything done. */
    public static final int OK = 0;
    /** The run failed; nothing half-done is visible, and running the command again resumes it. */
    public static final int FAILURE = 1;
    /** Completed, but with data gaps, unreadable objects or quarantined input: look at `status`. */
    public static final int COMPLETED_WITH_GAPS = 2;
    /**
     * The command line was wrong (EX_USAGE): an unknown command or option, a malformed or missing value, options
     * that contradict each other. Nothing was run; running it again unchanged fails the same way.
     */
    public static final int USAGE = 64;

    /** The exit code of two parts of a run: a failure wins, then gaps. */
    public static int worst(int a, int b) {
        if (a == FAILURE || b == FAILURE) {
            return FAILURE;
        }
        return Math.max(a, b);
    }

    private ExitCodes() {
    }
}
