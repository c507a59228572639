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
        List<String> command = new ArrayList<>(List.of("sh", "-c",
                "zcat -- \"$@\" > /dev/null || exit 1; cat /proc/$$/stat", "sh"));
        command.addAll(files);
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String stat = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("zcat failed");
        }
        long wall = System.nanoTime() - start;
        // Fields after the command name: state is field 3, so cutime (16) and cstime (17) are at 13 and 14.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        double ticks = clockTicks();
        double cpu = (Long.parseLong(f[13]) + Long.parseLong(f[14])) / ticks;
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
