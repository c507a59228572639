package jp.govcloudops.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs govcloud-ops in a separate JVM, as an operator would, so a test can kill it with SIGKILL. */
public final class ChildJvm {

    private ChildJvm() {
    }

    public static Process start(Path log, List<String> systemProperties, String... args) throws IOException {
        return start(log, null, "384m", systemProperties, args);
    }

    /** As {@link #start(Path, List, String...)}, under the given umask (e.g. "000"). */
    public static Process startWithUmask(Path log, String umask, List<String> systemProperties, String... args)
            throws IOException {
        return start(log, umask, "384m", systemProperties, args);
    }

    /** As {@link #start(Path, List, String...)}, with a heap of {@code maxHeap} ({@code -Xmx}). */
    public static Process startWithHeap(Path log, String maxHeap, List<String> systemProperties, String... args)
            throws IOException {
        return start(log, null, maxHeap, systemProperties, args);
    }

    private static Process start(Path log, String umask, String maxHeap, List<String> systemProperties,
            String... args) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>();
        if (umask != null) {
            command.addAll(List.of("/bin/sh", "-c", "umask " + umask + " && exec \"$0\" \"$@\""));
        }
        command.addAll(List.of(S3TestServer.javaBinary(), "-Xmx" + maxHeap, "-XX:TieredStopAtLevel=1", "-cp",
                classpath));
        systemProperties.forEach(p -> command.add("-D" + p));
        command.add("jp.govcloudops.GovcloudOpsApplication");
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(
                ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }
}
