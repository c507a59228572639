package jp.govcloudops.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One partition's objects, downloaded ahead in listing order by {@link ObjectPrefetch} while the budget allows, as
 * an {@link ObjectSource} that hands each one over when it is opened. A download that failed fails the open with the
 * same fault, so the reader's retries and the classification of faults stay as they are; a retry reads the object
 * afresh from the source.
 */
public final class PrefetchedObjects implements ObjectSource {

    private final ObjectSource source;
    private final ObjectPrefetch prefetch;
    private final int maxAhead;
    private final Deque<SourceObject> upcoming;
    private final Map<SourceObject, Download> started = new HashMap<>();
    private boolean closed;

    PrefetchedObjects(ObjectSource source, ObjectPrefetch prefetch, List<SourceObject> inOrder, int maxAhead) {
        this.source = source;
        this.prefetch = prefetch;
        this.maxAhead = maxAhead;
        this.upcoming = new ArrayDeque<>(inOrder);
        fill();
    }

    /** An object being fetched, and its share of the budget, given back once whatever happens to it. */
    private final class Download {
        final SourceObject object;
        final CompletableFuture<byte[]> bytes;
        final AtomicBoolean released = new AtomicBoolean();

        Download(SourceObject object) {
            this.object = object;
            this.bytes = CompletableFuture.supplyAsync(this::fetch, prefetch.downloads());
            bytes.whenComplete((b, fault) -> {
                if (fault != null) {
                    release();
                }
            });
        }

        private byte[] fetch() {
            prefetch.started();
            boolean whole = false;
            try (InputStream in = source.open(object)) {
                byte[] read = in.readAllBytes();
                whole = true;
                return read;
            } catch (IOException e) {
                throw new CompletionException(e);
            } finally {
                prefetch.finished(whole);
            }
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                prefetch.release(object.size());
                synchronized (PrefetchedObjects.this) {
                    fill();
                }
            }
        }
    }

    /** Starts downloads in listing order while this partition has fewer than its share ahead and the budget allows. */
    private synchronized void fill() {
        while (!closed && !upcoming.isEmpty() && started.size() < maxAhead) {
            SourceObject next = upcoming.peek();
            if (!prefetch.fits(next.size())) {
                upcoming.poll(); // larger than the whole budget: read as a stream when its turn comes
                continue;
            }
            if (!prefetch.reserve(next.size())) {
                return;
            }
            upcoming.poll();
            started.put(next, new Download(next));
        }
    }

    @Override
    public InputStream open(SourceObject object) throws IOException {
        Download download;
        synchronized (this) {
            download = started.remove(object);
            if (download == null) {
                upcoming.remove(object); // its turn came first: read as a stream, never fetched twice
            }
            fill();
        }
        if (download == null) {
            return source.open(object);
        }
        byte[] bytes;
        try {
            bytes = download.bytes.join();
        } catch (CompletionException | CancellationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof IOException io) {
                throw io;
            }
            throw cause instanceof RuntimeException r ? r : e;
        }
        return new ByteArrayInputStream(bytes) {
            @Override
            public void close() {
                download.release();
            }
        };
    }

    /** Stops fetching ahead; what was fetched and not opened gives its memory back when its download ends. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            upcoming.clear();
            started.values().forEach(d -> d.bytes.whenComplete((b, fault) -> d.release()));
            started.clear();
        }
    }

    @Override
    public String location() {
        return source.location();
    }

    @Override
    public void checkReadable() {
        source.checkReadable();
    }

    @Override
    public String rootPrefix() {
        return source.rootPrefix();
    }

    @Override
    public boolean remote() {
        return source.remote();
    }

    @Override
    public List<String> listFolders(String prefix) throws IOException {
        return source.listFolders(prefix);
    }

    @Override
    public List<SourceObject> listObjects(String prefix) throws IOException {
        return source.listObjects(prefix);
    }

    @Override
    public Map<String, String> userMetadata(SourceObject object) throws IOException {
        return source.userMetadata(object);
    }

    @Override
    public LocalCopy localCopy(SourceObject object, InputStream opened) throws IOException {
        return source.localCopy(object, opened);
    }
}
