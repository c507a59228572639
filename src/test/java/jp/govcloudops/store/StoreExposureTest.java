package jp.govcloudops.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import jp.govcloudops.support.ChildJvm;
import jp.govcloudops.support.NightFixture;
import jp.govcloudops.support.OwnerOnly;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18's local user, as far as one can play them without a second Unix user: while a run (in its own JVM, under
 * umask 000, given a plain H2 file URL) holds the store, its automatic server listens on 127.0.0.1 only (read from
 * /proc/net/tcp and tcp6), the store's directory and files are the owner's alone, and someone who has the server's
 * address and key from the lock file still cannot connect without the store's password.
 */
class StoreExposureTest {

    @TempDir
    Path tmp;

    @Test
    void aRunningStoreIsClosedToOtherLocalUsers() throws Exception {
        NightFixture.write(tmp.resolve("logs"));
        Path dir = tmp.resolve("db");
        String plainUrl = "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath();
        Path log = tmp.resolve("run.log");
        Process run = ChildJvm.startWithUmask(log, "000", List.of("govcloud.ingest.objects-per-commit=1",
                "govcloud.ingest.object-pause=PT0.5S"), "reprocess", "--from=" + NightFixture.FROM,
                "--to=" + NightFixture.TO, "--source=" + tmp.resolve("logs"), "--db=" + plainUrl);
        try {
            Properties lock = waitForServer(run, dir.resolve("store.lock.db"), log);
            String server = lock.getProperty("server");
            int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));

            // The plain URL was given AUTO_SERVER (it has a server), bound to the loopback address only.
            assertThat(server).startsWith("localhost:");
            // Java binds 127.0.0.1 through an IPv6 socket where it can: then it is ::ffff:127.0.0.1 in tcp6.
            List<String> listeners = new ArrayList<>(listening(Path.of("/proc/net/tcp"), port));
            listeners.addAll(listening(Path.of("/proc/net/tcp6"), port));
            assertThat(listeners).as("listeners on port %d", port).singleElement()
                    .isIn("0100007F", "0000000000000000FFFF00000100007F");
            Optional<InetAddress> external = externalAddress();
            if (external.isPresent()) {
                try (Socket socket = new Socket()) {
                    assertThatThrownBy(() -> socket.connect(new InetSocketAddress(external.get(), port), 2000))
                            .as("connecting to %s:%d", external.get(), port).isInstanceOf(IOException.class);
                }
            }

            // Created under umask 000, yet nobody but the owner can read or enter any of it.
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
            assertThat(OwnerOnly.assertTree(dir)).isGreaterThanOrEqualTo(4); // the directory, data, lock, credentials

            // Server address and key from the lock file, as another user could read them in the old 0644 file.
            String keyed = "jdbc:h2:tcp://" + server + "/" + lock.getProperty("id");
            for (String[] identity : new String[][] {{"sa", ""}, {"SA", "sa"}, {"GOVCLOUD_READER", ""}}) {
                assertThatThrownBy(() -> DriverManager.getConnection(keyed, identity[0], identity[1]).close())
                        .as("%s without the password", identity[0]).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(28000));
            }
            assertThatThrownBy(() -> DriverManager.getConnection(plainUrl + ";AUTO_SERVER=TRUE", "sa", "").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("Wrong user name or password");
            // With the password from the owner's credentials file, the same way in works: the password is what stops them.
            String password = StoreCredentials.read(dir.resolve("store.credentials")).admin();
            try (Connection owner = DriverManager.getConnection(keyed, "sa", password)) {
                assertThat(owner.isValid(5)).isTrue();
            }
            assertThat(run.isAlive()).as("the run held the store throughout; see " + log).isTrue();
        } finally {
            run.destroyForcibly();
            run.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Waits until the run has migrated the store and published its server in the lock file. */
    private static Properties waitForServer(Process run, Path lockFile, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            assertThat(run.isAlive()).as("run alive; see " + log).isTrue();
            assertThat(System.nanoTime()).as("waiting for the run to open the store").isLessThan(deadline);
            if (Files.exists(log) && Files.readString(log).contains(" partitions from ") && Files.exists(lockFile)) {
                Properties lock = new Properties();
                try (Reader in = Files.newBufferedReader(lockFile)) {
                    lock.load(in);
                }
                if (lock.getProperty("server") != null) {
                    return lock;
                }
            }
            Thread.sleep(100);
        }
    }

    /** Local addresses (hex, as the kernel prints them) of the sockets listening on {@code port}. */
    private static List<String> listening(Path table, int port) throws IOException {
        List<String> addresses = new ArrayList<>();
        if (!Files.exists(table)) {
            return addresses;
        }
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        for (String line : Files.readAllLines(table).subList(1, Files.readAllLines(table).size())) {
            String[] fields = line.strip().split("\\s+");
            String[] local = fields[1].split(":");
            if (local[1].equals(hexPort) && fields[3].equals("0A")) {
                addresses.add(local[0]);
            }
        }
        return addresses;
    }

    private static Optional<InetAddress> externalAddress() throws IOException {
        for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
            if (nic.isUp() && !nic.isLoopback()) {
                Optional<InetAddress> address = nic.inetAddresses().filter(a -> a instanceof Inet4Address).findFirst();
                if (address.isPresent()) {
                    return address;
                }
            }
        }
        return Optional.empty();
    }
}
