package jp.govcloudops.job;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What a running job has done so far, counted by its steps at the granularity of partitions and chunks (a few
 * atomic adds per chunk, nothing per record) and read by {@link ProgressReporter}. The object total grows as
 * partitions list their objects, so it is exact only once every partition has listed.
 */
public final class JobProgress {

    private final String job;
    private final String partitionsName;
    private final String objectsName;
    private final String recordsName;
    private final AtomicLong partitions = new AtomicLong();
    private final AtomicLong partitionsListed = new AtomicLong();
    private final AtomicLong partitionsDone = new AtomicLong();
    private final AtomicLong objects = new AtomicLong();
    private final AtomicLong objectsDone = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private volatile long startedNanos = System.nanoTime();

    /**
     * @param job what the lines are about ("ingest")
     * @param partitionsName what the job's units of work are called ("partitions")
     * @param objectsName what a partition holds ("objects")
     * @param recordsName what an object holds ("records")
     */
    public JobProgress(String job, String partitionsName, String objectsName, String recordsName) {
        this.job = job;
        this.partitionsName = partitionsName;
        this.objectsName = objectsName;
        this.recordsName = recordsName;
    }

    /** Starts counting a new run from zero. */
    void start() {
        for (AtomicLong counter : new AtomicLong[] {partitions, partitionsListed, partitionsDone, objects, objectsDone,
                records}) {
            counter.set(0);
        }
        startedNanos = System.nanoTime();
    }

    /** {@code count} more partitions to run. */
    public void partitions(long count) {
        partitions.addAndGet(count);
    }

    /** One partition listed its objects: {@code count} to read. */
    public void listed(long count) {
        objects.addAndGet(count);
        partitionsListed.incrementAndGet();
    }

    /** Objects stored, with the records they held. */
    public void written(long objectCount, long recordCount) {
        objectsDone.addAndGet(objectCount);
        records.addAndGet(recordCount);
    }

    public void partitionDone() {
        partitionsDone.incrementAndGet();
    }

    long elapsedNanos() {
        return System.nanoTime() - startedNanos;
    }

    /** "ingest: partitions 3/12, objects 120/340+, 1,234,567 records, 45,678 records/s, 0:00:27". */
    String line(boolean finished) {
        long elapsed = elapsedNanos();
        long total = partitions.get();
        long objectTotal = objects.get();
        boolean allListed = partitionsListed.get() >= total;
        long seconds = elapsed / 1_000_000_000L;
        return String.format("%s%s: %s %s, %s %,d/%,d%s, %,d %s, %,d %s/s, %d:%02d:%02d", job,
                finished ? " done" : "", partitionsName, total == 0 && !finished ? "listing"
                        : partitionsDone.get() + "/" + total,
                objectsName, objectsDone.get(), objectTotal, allListed ? "" : "+", records.get(), recordsName,
                Math.round(records.get() / Math.max(elapsed / 1e9, 1e-3)), recordsName, seconds / 3600,
                seconds / 60 % 60, seconds % 60);
    }
}
