package jp.govcloudops.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/** Starts one measured child JVM on the benchmark's class path (or part of it) and reads back the figures it wrote. */
final class ChildRun {

    private ChildRun() {
    }

    /** The benchmark's own class path. */
    static String classPath() {
        return System.getProperty("java.class.path");
    }

    /**
     * The benchmark's class path without the entries whose path contains {@code fragment}: our ingestion runs
     * leave out DuckDB's driver, which the application never has. Loaded by the JDBC driver lookup at start-up,
     * its initialisation brings up the JDK's Flight Recorder, work a production process does itself.
     */
    static String classPathWithout(String fragment) {
        return Arrays.stream(classPath().split(File.pathSeparator)).filter(entry -> !entry.contains(fragment))
                .collect(Collectors.joining(File.pathSeparator));
    }

    static Properties run(Path dir, String name, List<String> jvmOptions, String classPath, String mainClass,
            List<String> args) {
        try {
            Files.createDirectories(dir);
            Path log = dir.resolve(name + ".log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.add("-cp");
            command.add(classPath);
            command.add(mainClass);
            command.addAll(args);
            // The same run again by hand (a profiler added, an A/B of two builds): sh runs/<name>.cmd
            Files.writeString(dir.resolve(name + ".cmd"),
                    command.stream().map(ChildRun::shellQuoted).collect(Collectors.joining(" ")) + "\n");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            int exit = process.waitFor();
            Path result = Path.of(args.get(0));
            if (exit != 0 || !Files.exists(result)) {
                List<String> lines = Files.readAllLines(log);
                throw new IllegalStateException(name + " failed (exit " + exit + "); last lines of " + log + ":\n"
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
            }
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(result)) {
                p.load(in);
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String shellQuoted(String argument) {
        return "'" + argument.replace("'", "'\\''") + "'";
    }

    /** The 1-minute load average: how busy the machine was when a measurement started. */
    static double load() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException e) {
            return -1;
        }
    }
}
