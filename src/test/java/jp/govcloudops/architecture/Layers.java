package jp.govcloudops.architecture;

import java.util.List;

/**
 * The documented direction (docs/architecture.md), top first: a package may use its own level and the levels below
 * it, never one above. Only the application class and {@code cli} use {@code cli}.
 */
final class Layers {

    static final String ROOT = "jp.govcloudops";

    /** Each level's top-level packages under {@link #ROOT}; "application" is the root package (the application class). */
    static final List<List<String>> LEVELS = List.of(
            List.of("application"),
            List.of("cli"),
            List.of("web"),
            List.of("pipeline", "job", "sample"),
            List.of("report", "notify", "archive"),
            List.of("detect", "aggregate", "cost", "integrity", "records", "ingest"),
            List.of("store"),
            List.of("format"),
            List.of("source"),
            List.of("config", "calendar"));

    private Layers() {
    }

    /** The level of a package ({@code jp.govcloudops.detect.flow} is at {@code detect}'s), -1 if none. */
    static int levelOf(String packageName) {
        String top = packageName.equals(ROOT) ? "application" : packageName.substring(ROOT.length() + 1).split("\\.")[0];
        for (int i = 0; i < LEVELS.size(); i++) {
            if (LEVELS.get(i).contains(top)) {
                return i;
            }
        }
        return -1;
    }
}
