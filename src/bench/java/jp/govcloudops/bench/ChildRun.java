package jp.govcloudops.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Starts one measured child JVM on the benchmark's class path and reads back the figures it wrote. */
final class ChildRun {

    private ChildRun() {
    }

    static Properties run(Path dir, String name, List<String> jvmOptions, String mainClass, List<String> args) {
        try {
            Files.createDirectories(dir);
            Path log = dir.resolve(name + ".log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(mainClass);
            command.addAll(args);
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

    /** The 1-minute load average: how busy the machine was when a measurement started. */
    static double load() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException e) {
            return -1;
        }
    }
}
