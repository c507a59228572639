package jp.govcloudops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jobs/bin/govcloud-ops-install and the wrapper jobs/bin/govcloud-ops, run by bash, with a stand-in for the java
 * command that logs how it was called and does what the real one leaves behind (the unpacked jar, the class
 * archive), so that every decision of the scripts shows. The benchmark runs the install script with the real Java
 * on the real jar (docs/benchmarks.md).
 */
class InstallScriptsTest {

    private static final Path INSTALL = Path.of("jobs/bin/govcloud-ops-install").toAbsolutePath();
    private static final Path WRAPPER = Path.of("jobs/bin/govcloud-ops").toAbsolutePath();

    @TempDir
    Path dir;
    private Path home;
    private Path java;
    private Path calls;

    record Result(int exit, String stderr) {
    }

    @BeforeEach
    void fakeJava() throws IOException {
        home = Files.createDirectories(dir.resolve("home"));
        calls = dir.resolve("java-calls.log");
        java = dir.resolve("java");
        // One line per call: working directory, arguments, and whether the caller's environment leaked in.
        Files.writeString(java, """
                #!/usr/bin/env bash
                echo "cwd=$PWD args=$* leaked=${LEAK_CHECK:-no}" >> '%s'
                for a in "$@"; do
                  case "$a" in
                    --destination) next=dest ;;
                    -XX:ArchiveClassesAtExit=*) archive="${a#*=}" ;;
                    demo) demo=1 ;;
                    *) if [ "${next:-}" = dest ]; then mkdir -p "$a/lib"; echo app > "$a/govcloud-ops.jar"; next=; fi ;;
                  esac
                done
                if [ -n "${demo:-}" ] && [ -f '%s' ]; then echo "training failed" >&2; exit 1; fi
                if [ -n "${archive:-}" ]; then echo archive > "$archive"; fi
                exit 0
                """.formatted(calls, dir.resolve("fail-training")));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void aJarWithoutInstallationRunsAsItIs() throws Exception {
        Files.writeString(home.resolve("govcloud-ops.jar"), "jar");

        Result run = run(WRAPPER, "status");

        assertThat(run.exit()).isZero();
        assertThat(run.stderr()).isEmpty();
        assertThat(lastCall()).isEqualTo("cwd=" + home.toRealPath() + " args=-Xmx1g -XX:TieredStopAtLevel=1"
                + " -XX:+UseParallelGC -jar " + home.toRealPath().resolve("govcloud-ops.jar") + " status leaked=yes");
    }

    @Test
    void installUnpacksTrainsInAScratchDirectoryAndTheWrapperUsesBoth() throws Exception {
        Path built = Files.writeString(dir.resolve("built.jar"), "the new jar");

        Result install = run(INSTALL, built.toString());

        Path app = home.toRealPath().resolve("app");
        assertThat(install.exit()).as(install.stderr()).isZero();
        assertThat(home.resolve("govcloud-ops.jar")).hasContent("the new jar");
        assertThat(app.resolve("govcloud-ops.jar")).exists();
        assertThat(app.resolve("govcloud-ops.jsa")).hasContent("archive");
        List<String> training = Files.readAllLines(calls).stream().filter(c -> c.contains("demo")).toList();
        assertThat(training).singleElement().satisfies(call -> {
            assertThat(call).contains("-XX:ArchiveClassesAtExit=" + app.resolve("govcloud-ops.jsa.new"))
                    .contains("-jar " + app.resolve("govcloud-ops.jar"))
                    .contains("leaked=no") // run with an empty environment, not the operator's
                    .doesNotContain("cwd=" + home.toRealPath() + " "); // and not where ./config is
        });

        Result run = run(WRAPPER, "nightly");

        assertThat(run.exit()).isZero();
        assertThat(run.stderr()).isEmpty();
        assertThat(lastCall()).contains("-XX:SharedArchiveFile=" + app.resolve("govcloud-ops.jsa") + " -jar "
                + app.resolve("govcloud-ops.jar") + " nightly");
    }

    @Test
    void aJarReplacedByHandRunsItselfWithAWarning() throws Exception {
        assertThat(run(INSTALL, Files.writeString(dir.resolve("built.jar"), "old").toString()).exit()).isZero();
        Files.writeString(home.resolve("govcloud-ops.jar"), "a newer, longer jar");

        Result run = run(WRAPPER, "status");

        assertThat(run.exit()).isZero();
        assertThat(run.stderr()).contains("was unpacked from another govcloud-ops.jar");
        assertThat(lastCall()).contains("-jar " + home.toRealPath().resolve("govcloud-ops.jar") + " status")
                .doesNotContain("SharedArchiveFile");
    }

    @Test
    void aFailedTrainingLeavesTheUnpackedJarWithoutAnArchive() throws Exception {
        Files.writeString(dir.resolve("fail-training"), "");

        Result install = run(INSTALL, Files.writeString(dir.resolve("built.jar"), "jar").toString());

        assertThat(install.exit()).isEqualTo(1);
        assertThat(install.stderr()).contains("training failed").contains("installed without a class archive");
        assertThat(home.resolve("app/govcloud-ops.jsa")).doesNotExist();
        assertThat(home.resolve("app/govcloud-ops.jsa.new")).doesNotExist();

        Result run = run(WRAPPER, "status");

        assertThat(run.stderr()).isEmpty();
        assertThat(lastCall()).contains("-jar " + home.toRealPath().resolve("app/govcloud-ops.jar") + " status")
                .doesNotContain("SharedArchiveFile");
    }

    private Result run(Path script, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout").toFile()).redirectError(dir.resolve("stderr").toFile());
        Map<String, String> env = builder.environment();
        env.put("GOVCLOUD_HOME", home.toString());
        env.put("JAVA", java.toString());
        env.remove("JAVA_OPTS");
        env.put("LEAK_CHECK", "yes");
        int exit = builder.start().waitFor();
        return new Result(exit, Files.readString(dir.resolve("stderr")));
    }

    private String lastCall() throws IOException {
        List<String> lines = Files.readAllLines(calls);
        return lines.get(lines.size() - 1);
    }
}
