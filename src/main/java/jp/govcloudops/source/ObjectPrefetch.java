package jp.govcloudops.source;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Downloads objects ahead of the threads that parse them, on a pool of its own: with S3's first-byte latency (tens of
 * milliseconds) a parsing thread that fetched each object itself would spend most of its time waiting, and a run
 * would have no more requests in flight than it has CPU threads. At most {@code getsInFlight} downloads run at once,
 * and the objects downloaded but not yet parsed hold at most {@code capacityBytes} (by their listed sizes); a larger
 * object, or one whose turn comes before it was fetched, is read as a stream, as without prefetching. Only remote
 * sources are fetched ahead: a local file is read where it lies.
 */
public final class ObjectPrefetch implements AutoCloseable {

    private final int getsInFlight;
    private final long capacityBytes;
    private final ExecutorService downloads;
    private final AtomicLong reserved = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicLong fetched = new AtomicLong();

    public ObjectPrefetch(int getsInFlight, long capacityBytes) {
        this.getsInFlight = getsInFlight;
        this.capacityBytes = capacityBytes;
        this.downloads = Executors.newFixedThreadPool(getsInFlight, daemons("s3-get-"));
    }

    /** Objects downloaded ahead so far, and the most downloads that ran at once. */
    public record Figures(long objects, int maxInFlight) {
    }

    /**
     * A view of {@code source} whose {@link ObjectSource#open} hands over the objects of {@code inOrder} downloaded
     * ahead; closing it stops fetching ahead and gives back the memory of what was not used.
     */
    public PrefetchedObjects ahead(ObjectSource source, List<SourceObject> inOrder) {
        return new PrefetchedObjects(source, this, source.remote() ? inOrder : List.of(), getsInFlight);
    }

    public Figures figures() {
        return new Figures(fetched.get(), maxInFlight.get());
    }

    boolean fits(long bytes) {
        return bytes <= capacityBytes;
    }

    /** Takes {@code bytes} of the budget if they are free. */
    boolean reserve(long bytes) {
        long now;
        do {
            now = reserved.get();
            if (now + bytes > capacityBytes) {
                return false;
            }
        } while (!reserved.compareAndSet(now, now + bytes));
        return true;
    }

    void release(long bytes) {
        reserved.addAndGet(-bytes);
    }

    ExecutorService downloads() {
        return downloads;
    }

    /** Counts a download as running, for the figures. */
    void started() {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    }

    void finished(boolean whole) {
        inFlight.decrementAndGet();
        if (whole) {
            fetched.incrementAndGet();
        }
    }

    @Override
    public void close() {
        downloads.shutdownNow();
    }

    static ThreadFactory daemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
