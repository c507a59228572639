package jp.govcloudops.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * One plain {@code zcat} process over the files, output thrown away: the decompression limit of one core. Its CPU
 * time comes from the shell's own /proc stat after it has waited for zcat (the children's user and system time).
 */
final class Zcat {

    private Zcat() {
    }

    static Properties run(List<String> files) throws IOException, InterruptedException {
        return run(files, 1);
    }

    /**
     * {@code processes} zcat processes at once, each over all the files: what the machine's cores deliver together
     * at that moment (on a shared host, two busy virtual cores can give less than twice one). Wall time is until the
     * last one ends; CPU is theirs together.
     */
    static Properties run(List<String> files, int processes) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", "-c",
                "zcat -- \"$@\" > /dev/null || exit 1; cat /proc/$$/stat", "sh"));
        command.addAll(files);
        double ticks = clockTicks();
        long start = System.nanoTime();
        List<Process> started = new ArrayList<>();
        for (int i = 0; i < processes; i++) {
            started.add(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }
        double cpu = 0;
        for (Process p : started) {
            String stat = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("zcat failed");
            }
            // Fields after the command name: state is field 3, so cutime (16) and cstime (17) are at 13 and 14.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            cpu += (Long.parseLong(f[13]) + Long.parseLong(f[14])) / ticks;
        }
        long wall = System.nanoTime() - start;
        Properties out = new Properties();
        out.setProperty("wallSeconds", String.format("%.3f", wall / 1e9));
        out.setProperty("cpuSeconds", String.format("%.3f", cpu));
        return out;
    }

    private static double clockTicks() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("getconf", "CLK_TCK").start();
        String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        p.waitFor();
        return Double.parseDouble(s);
    }
}
