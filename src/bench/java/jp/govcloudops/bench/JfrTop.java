package jp.govcloudops.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a Flight Recorder file says the time and the allocation went: execution and working native samples by top frame (self time)
 * and by the first frame in our own code (time spent on behalf of it), allocation samples by type and by the
 * allocating frame. Arguments: {@code FILE.jfr [ROWS]}.
 */
public final class JfrTop {

    public static void main(String[] args) throws Exception {
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> ours = new HashMap<>();
        Map<String, Long> byThread = new HashMap<>();
        Map<String, Long> allocType = new HashMap<>();
        Map<String, Long> allocSite = new HashMap<>();
        long samples = 0;
        long allocated = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = e.getEventType().getName();
            RecordedStackTrace stack = e.getStackTrace();
            // Native samples are threads inside native code (zlib's inflate, file reads), which execution samples miss.
            if ((type.equals("jdk.ExecutionSample") || type.equals("jdk.NativeMethodSample")) && stack != null
                    && !stack.getFrames().isEmpty()
                    && !(type.equals("jdk.NativeMethodSample") && isIdle(stack.getFrames().get(0)))) {
                samples++;
                self.merge(frame(stack.getFrames().get(0)), 1L, Long::sum);
                var thread = e.getThread("sampledThread");
                byThread.merge(thread == null ? "?" : thread.getJavaName().replaceAll("[0-9]+$", "N"), 1L, Long::sum);
                ours.merge(firstOwn(stack.getFrames()), 1L, Long::sum);
            } else if (type.equals("jdk.ObjectAllocationSample") && stack != null && !stack.getFrames().isEmpty()) {
                long weight = e.getLong("weight");
                allocated += weight;
                allocType.merge(e.getClass("objectClass").getName(), weight, Long::sum);
                allocSite.merge(frame(stack.getFrames().get(0)) + " <- " + firstOwn(stack.getFrames()), weight, Long::sum);
            }
        }
        print("execution and working native samples by top frame (" + samples + ")", self, samples, rows);
        print("execution samples by first govcloudops frame", ours, samples, rows);
        print("execution samples by thread", byThread, samples, rows);
        print("allocation by type (" + (allocated >> 20) + " MB sampled weight)", allocType, allocated, rows);
        print("allocation by site", allocSite, allocated, rows);
    }

    /** Threads parked in native code (sockets, polls, waits) are idle, not working. */
    private static boolean isIdle(RecordedFrame top) {
        String m = top.getMethod().getType().getName() + "." + top.getMethod().getName();
        return !m.startsWith("java.util.zip.") && !m.startsWith("java.io.FileInputStream.read")
                && !m.startsWith("sun.nio.ch.FileDispatcherImpl.read") && !m.startsWith("sun.nio.ch.FileDispatcherImpl.pread");
    }

    private static String frame(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName() + ":" + f.getLineNumber();
    }

    private static String firstOwn(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String t = f.getMethod().getType().getName();
            if (t.startsWith("jp.govcloudops.")) {
                return frame(f);
            }
        }
        return "(other)";
    }

    private static void print(String title, Map<String, Long> counts, long total, int rows) {
        System.out.println("== " + title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(rows)
                .forEach(e -> System.out.printf("%6.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, total), e.getKey()));
    }
}
