package jp.govcloudops.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.govcloudops.support.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} as an operator starts it, in its own JVM on a new store: it listens on 127.0.0.1 only, starts with
 * no users (the log says to run user add), answers the login page and /health, sends everything else to the login,
 * and stops on SIGTERM.
 */
class ServeCommandTest {

    private static final Pattern SERVING = Pattern.compile("serving the console on http://127\\.0\\.0\\.1:(\\d+)/");

    @TempDir
    Path dir;

    @Test
    void serveStartsWithoutUsersOnTheLoopbackAddressAndStopsOnSigterm() throws Exception {
        Path log = dir.resolve("serve.log");
        Process serve = ChildJvm.start(log, List.of(), "serve", "--port=0",
                "--db=jdbc:h2:file:" + dir.resolve("store").toAbsolutePath());
        try {
            int port = waitForPort(serve, log);
            assertThat(Files.readString(log)).contains("no console users yet")
                    .contains("govcloud-ops user add NAME --role=ADMIN");
            HttpSession anonymous = new HttpSession("http://127.0.0.1:" + port);
            assertThat(anonymous.get("/login").statusCode()).isEqualTo(200);
            assertThat(anonymous.get("/health").body()).contains("UP");
            HttpResponse<String> overview = anonymous.get("/");
            assertThat(overview.statusCode()).isEqualTo(302);
            assertThat(overview.headers().firstValue("Location").orElse("")).endsWith("/login");
            assertThat(anonymous.login("nobody", "nothing-at-all").headers().firstValue("Location").orElse(""))
                    .endsWith("/login?error");
            // Bound to the loopback address: not reachable on the host's other addresses.
            assertThat(listeners(port)).isNotEmpty().allMatch(a -> a.equals("0100007F")
                    || a.equals("0000000000000000FFFF00000100007F"));
        } finally {
            serve.destroy();
        }
        assertThat(serve.waitFor(60, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
    }

    private static int waitForPort(Process serve, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                Matcher m = SERVING.matcher(Files.readString(log));
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
            if (!serve.isAlive()) {
                throw new AssertionError("serve exited " + serve.exitValue() + ":\n" + Files.readString(log));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("serve did not start:\n" + Files.readString(log));
    }

    /** The local addresses listening on the port, as /proc/net/tcp and tcp6 write them. */
    private static List<String> listeners(int port) throws Exception {
        String hexPort = String.format(":%04X", port);
        List<String> found = new java.util.ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table))) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 3 && f[1].endsWith(hexPort) && f[3].equals("0A")) {
                    found.add(f[1].substring(0, f[1].indexOf(':')));
                }
            }
        }
        return found;
    }
}
