package jp.govcloudops.job;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jp.govcloudops.calendar.UtcTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One ingestion run at a time per store, across processes and machines: a row in {@code run_lock} owned by the
 * running process and kept alive by a heartbeat. A process that dies (kill -9, power loss) stops beating, and
 * after {@link #STALE_AFTER} the next run takes the lock over and recovers the dead run's job execution.
 */
@Component
public class RunLock {

    static final Duration HEARTBEAT = Duration.ofSeconds(5);
    static final Duration STALE_AFTER = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(RunLock.class);

    private final JdbcTemplate jdbc;
    private final String owner = ManagementFactory.getRuntimeMXBean().getName() + " " + java.util.UUID.randomUUID();

    public RunLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks this thread already holds: a nightly run holds the lock over ingestion and its stages alike. */
    private final ThreadLocal<Map<String, Held>> heldByThisThread = ThreadLocal.withInitial(java.util.HashMap::new);

    /**
     * Takes the lock, waiting up to {@code wait} for another run to finish; throws when it cannot. A thread that
     * already holds the lock gets it again (released when the outermost holder closes).
     */
    public Held acquire(String name, Duration wait) {
        Held current = heldByThisThread.get().get(name);
        if (current != null) {
            current.depth++;
            return current;
        }
        Held held = acquireFresh(name, wait);
        heldByThisThread.get().put(name, held);
        return held;
    }

    private Held acquireFresh(String name, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        boolean announced = false;
        while (true) {
            LocalDateTime now = UtcTime.now();
            int taken = jdbc.update("UPDATE run_lock SET owner = ?, acquired_at = ?, heartbeat_at = ? WHERE name = ?"
                    + " AND (owner IS NULL OR heartbeat_at < ?)", owner, now, now, name, now.minus(STALE_AFTER));
            if (taken == 1) {
                return new Held(name);
            }
            Map<String, Object> holder = jdbc.queryForMap("SELECT owner, acquired_at, heartbeat_at FROM run_lock"
                    + " WHERE name = ?", name);
            String holderOwner = (String) holder.get("owner");
            if (holderOwner != null && isDeadProcessOnThisHost(holderOwner)) {
                // A run killed on this machine (kill -9, OOM) need not wait for its heartbeat to go stale.
                if (jdbc.update("UPDATE run_lock SET owner = ?, acquired_at = ?, heartbeat_at = ? WHERE name = ?"
                        + " AND owner = ?", owner, now, now, name, holderOwner) == 1) {
                    log.warn("Took over the {} run lock from {}, a process of this host that is gone", name,
                            holderOwner);
                    return new Held(name);
                }
                continue;
            }
            if (System.nanoTime() > deadline) {
                throw new ConcurrentRunException("another " + name + " run is using this store: " + holder.get("owner")
                        + ", started " + holder.get("acquired_at") + " UTC, last heartbeat " + holder.get("heartbeat_at")
                        + " UTC. Wait for it to finish (or, if that process is gone, retry after "
                        + STALE_AFTER.toSeconds() + " s).");
            }
            if (!announced) {
                log.info("Waiting for the {} run of {} to finish", name, holder.get("owner"));
                announced = true;
            }
            sleep(Duration.ofSeconds(1));
        }
    }

    /** Owners are "pid@host uuid"; a holder on this host whose pid no longer runs is dead. */
    static boolean isDeadProcessOnThisHost(String holder) {
        String mine = ManagementFactory.getRuntimeMXBean().getName();
        String myHost = mine.substring(mine.indexOf('@') + 1);
        String process = holder.split(" ", 2)[0];
        int at = process.indexOf('@');
        if (at < 0 || !process.substring(at + 1).equals(myHost)) {
            return false;
        }
        try {
            long pid = Long.parseLong(process.substring(0, at));
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConcurrentRunException("interrupted while waiting for the run lock");
        }
    }

    public final class Held implements AutoCloseable {
        private final String name;
        private int depth = 1;
        private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "run-lock-heartbeat");
            thread.setDaemon(true);
            return thread;
        });

        private Held(String name) {
            this.name = name;
            heartbeat.scheduleAtFixedRate(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        }

        private void beat() {
            try {
                jdbc.update("UPDATE run_lock SET heartbeat_at = ? WHERE name = ? AND owner = ?", UtcTime.now(), name,
                        owner);
            } catch (RuntimeException e) {
                log.warn("Run lock heartbeat failed: {}", e.getMessage());
            }
        }

        @Override
        public void close() {
            if (--depth > 0) {
                return;
            }
            heldByThisThread.get().remove(name);
            heartbeat.shutdownNow();
            jdbc.update("UPDATE run_lock SET owner = NULL, acquired_at = NULL, heartbeat_at = NULL WHERE name = ?"
                    + " AND owner = ?", name, owner);
        }
    }

    public static class ConcurrentRunException extends RuntimeException {
        public ConcurrentRunException(String message) {
            super(message);
        }
    }
}
