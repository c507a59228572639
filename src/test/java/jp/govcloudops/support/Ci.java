package jp.govcloudops.support;

/** Under CI=true, a missing server or dataset fails a test instead of skipping it. */
public final class Ci {

    private Ci() {
    }

    public static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
