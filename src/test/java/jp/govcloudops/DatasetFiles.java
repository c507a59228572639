package jp.govcloudops;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared public sample files, read through the setting {@code govcloud.datasets} (system property, or the
 * environment variable GOVCLOUD_DATASETS), default {@code ../shared/datasets}. Absent files skip the test, except
 * under CI=true, where they fail it.
 */
public final class DatasetFiles {

    private DatasetFiles() {
    }

    public static Path root() {
        String configured = System.getProperty("govcloud.datasets", System.getenv("GOVCLOUD_DATASETS"));
        return Path.of(configured == null || configured.isBlank() ? "../shared/datasets" : configured);
    }

    public static Path require(String relative) {
        Path file = root().resolve(relative);
        if (!Files.isRegularFile(file)) {
            String message = "shared dataset file " + file.toAbsolutePath() + " is absent (set -Dgovcloud.datasets)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        return file;
    }
}
