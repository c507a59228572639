package jp.govcloudops.bench;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How our ingestion runs start: as jobs/bin/govcloud-ops runs an installed jar (unpacked by
 * jobs/bin/govcloud-ops-install, with the class archive its training run recorded), or, without an installation,
 * from the build's class directories. Either way DuckDB's driver, which the application never has, is left out; an
 * installed jar gets the benchmark's own classes (the measuring main) appended to its class path, which the class
 * archive allows (it checks the entries it was recorded with, not what follows them).
 */
final class Installation {

    private final Path home;

    private Installation(Path home) {
        this.home = home;
    }

    /** No installation: the application's classes from target/classes and the dependencies' jars. */
    static Installation none() {
        return new Installation(null);
    }

    /** Installs {@code jar} into {@code home} with the operators' script and returns it (about 30 s). */
    static Installation of(Path jar, Path home) throws IOException, InterruptedException {
        IngestionBenchmark.deleteTree(home);
        Files.createDirectories(home);
        Path log = home.resolveSibling("install.log");
        ProcessBuilder install = new ProcessBuilder("bash", Path.of("jobs/bin/govcloud-ops-install").toAbsolutePath()
                .toString(), jar.toAbsolutePath().toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        install.environment().put("GOVCLOUD_HOME", home.toString());
        install.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        int exit = install.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("jobs/bin/govcloud-ops-install failed (exit " + exit + "); see " + log);
        }
        return new Installation(home);
    }

    String classPath() {
        if (home == null) {
            return ChildRun.classPathWithout("duckdb");
        }
        return home.resolve("app/govcloud-ops.jar") + File.pathSeparator + benchClasses();
    }

    /** What jobs/bin/govcloud-ops adds to the JVM options of an installed jar. */
    List<String> jvmOptions() {
        return home == null ? List.of() : List.of("-XX:SharedArchiveFile=" + home.resolve("app/govcloud-ops.jsa"));
    }

    String describe() {
        return home == null ? "the build's class directories"
                : "the jar installed by jobs/bin/govcloud-ops-install (unpacked, with its class archive)";
    }

    private static String benchClasses() {
        try {
            return Path.of(Installation.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
