package jp.govcloudops.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The public sample files beside the project (setting {@code govcloud.datasets}, default ../shared/datasets).
 * Tests that read them skip when the folder is absent, except under CI=true, where its absence is a failure.
 */
public final class SharedDatasets {

    private SharedDatasets() {
    }

    public static Path root() {
        Path root = Path.of(System.getProperty("govcloud.datasets", "../shared/datasets")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            if (Ci.isCi()) {
                throw new AssertionError("shared datasets not found at " + root + " (set -Dgovcloud.datasets=DIR)");
            }
            assumeTrue(false, "shared datasets not found at " + root);
        }
        return root;
    }

    public static Path file(String relative) {
        Path file = root().resolve(relative);
        if (!Files.exists(file)) {
            throw new AssertionError("missing dataset file " + file);
        }
        return file;
    }
}
