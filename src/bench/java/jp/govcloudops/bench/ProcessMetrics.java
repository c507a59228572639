package jp.govcloudops.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.OperatingSystemMXBean;

/**
 * What a measured child process reports about itself: CPU seconds of the whole process (every thread, native ones
 * included, so DuckDB's worker threads count), wall time, peak resident memory from /proc and heap figures from the
 * memory pools. The live heap after each collection is followed through GC notifications: its maximum is the
 * working set the run really needed, whatever -Xmx allowed.
 */
final class ProcessMetrics {

    private final OperatingSystemMXBean os =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long cpuStart;
    private long wallStart;
    private long gcCountStart;
    private long gcMillisStart;
    private long jitMillisStart;
    private volatile long maxLiveAfterGc;

    ProcessMetrics() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((n, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                        var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                        long live = 0;
                        for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                            if (isHeapPool(e.getKey())) {
                                live += e.getValue().getUsed();
                            }
                        }
                        maxLiveAfterGc = Math.max(maxLiveAfterGc, live);
                    }
                }, null, null);
            }
        }
    }

    private static boolean isHeapPool(String name) {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().equals(name)) {
                return pool.getType() == MemoryType.HEAP;
            }
        }
        return false;
    }

    /** Starts the measured phase: CPU, wall and GC counters are taken from here, heap peaks reset. */
    void start() {
        System.gc();
        maxLiveAfterGc = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        gcCountStart = gcCount();
        gcMillisStart = gcMillis();
        jitMillisStart = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        cpuStart = os.getProcessCpuTime();
        wallStart = System.nanoTime();
    }

    /** Ends the measured phase and adds its figures to {@code out}. */
    void stop(Properties out) {
        long wall = System.nanoTime() - wallStart;
        long cpu = os.getProcessCpuTime() - cpuStart;
        out.setProperty("wallSeconds", String.format("%.3f", wall / 1e9));
        out.setProperty("cpuSeconds", String.format("%.3f", cpu / 1e9));
        out.setProperty("gcCount", Long.toString(gcCount() - gcCountStart));
        out.setProperty("jitSeconds", String.format("%.3f",
                (ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitMillisStart) / 1e3));
        // CPU of the partition and object-reading threads (ingest-, ingest-read-: the per-record work), which live
        // until the context closes.
        var threads = ManagementFactory.getThreadMXBean();
        long workers = 0;
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("ingest-")) {
                workers += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        out.setProperty("workerCpuSeconds", String.format("%.3f", workers / 1e9));
        out.setProperty("gcSeconds", String.format("%.3f", (gcMillis() - gcMillisStart) / 1e3));
        long heapPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPeak += pool.getPeakUsage().getUsed();
            }
        }
        out.setProperty("heapPeakBytes", Long.toString(heapPeak));
        // -1 when no collection ran during the work (the parallel collector's young generation can hold a whole
        // small run): the live heap is then unknown, and at most the peak heap.
        out.setProperty("heapLiveAfterGcMaxBytes", Long.toString(gcCount() > gcCountStart ? maxLiveAfterGc : -1));
        out.setProperty("heapMaxBytes", Long.toString(Runtime.getRuntime().maxMemory()));
        out.setProperty("rssPeakBytes", Long.toString(statusKilobytes("VmHWM") * 1024));
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /** A "kB" line of /proc/self/status (VmHWM is the peak resident set of the whole process). */
    static long statusKilobytes(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
