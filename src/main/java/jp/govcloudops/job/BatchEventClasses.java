package jp.govcloudops.job;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.observability.jfr.events.job.JobExecutionEvent;
import org.springframework.batch.core.observability.jfr.events.job.JobLaunchEvent;
import org.springframework.batch.core.observability.jfr.events.step.StepExecutionEvent;
import org.springframework.batch.core.observability.jfr.events.step.chunk.ChunkScanEvent;
import org.springframework.batch.core.observability.jfr.events.step.chunk.ChunkTransactionEvent;
import org.springframework.batch.core.observability.jfr.events.step.chunk.ChunkWriteEvent;
import org.springframework.batch.core.observability.jfr.events.step.chunk.ItemProcessEvent;
import org.springframework.batch.core.observability.jfr.events.step.chunk.ItemReadEvent;
import org.springframework.batch.core.observability.jfr.events.step.partition.PartitionAggregateEvent;
import org.springframework.batch.core.observability.jfr.events.step.partition.PartitionSplitEvent;
import org.springframework.batch.core.observability.jfr.events.step.tasklet.TaskletExecutionEvent;
import org.springframework.stereotype.Component;

/**
 * Initialises Spring Batch's Flight Recorder event classes on a background thread while the application starts.
 *
 * <p>Spring Batch emits a Flight Recorder event around every job, step, chunk and item. The first event class a
 * process loads brings up the JDK's Flight Recorder metadata (about a hundred classes, the JDK's event types and
 * their annotations) and each event class then gets a generated handler class. Left to the job, that happens on
 * the job's main thread when it launches (about 50 ms of cold code, the other core idle) and on the partition
 * threads at their first chunk; here it overlaps the single-threaded start-up instead. It costs the same CPU once
 * per process and changes nothing else: the events stay as Spring Batch made them, recorded when an operator
 * starts a recording.
 */
@Component
public class BatchEventClasses {

    private static final Logger log = LoggerFactory.getLogger(BatchEventClasses.class);

    private final Thread loader;

    public BatchEventClasses() {
        loader = new Thread(BatchEventClasses::initialise, "batch-event-classes");
        loader.setDaemon(true);
        loader.start();
    }

    /** Spring Batch's event classes; the class literals load them, so only the background thread calls this. */
    static List<Class<?>> eventClasses() {
        return List.of(JobLaunchEvent.class, JobExecutionEvent.class, StepExecutionEvent.class,
                PartitionSplitEvent.class, PartitionAggregateEvent.class, ChunkTransactionEvent.class,
                ItemReadEvent.class, ItemProcessEvent.class, ChunkWriteEvent.class, ChunkScanEvent.class,
                TaskletExecutionEvent.class);
    }

    private static void initialise() {
        try {
            for (Class<?> eventClass : eventClasses()) {
                Class.forName(eventClass.getName(), true, eventClass.getClassLoader());
            }
        } catch (ClassNotFoundException | LinkageError e) {
            // Only a head start: the job loads the classes itself when it needs them, and says so if it cannot.
            log.debug("Could not set up Spring Batch's event classes ahead of the job", e);
        }
    }

    /** Waits for the background initialisation; for tests. */
    boolean awaitInitialised(long millis) throws InterruptedException {
        loader.join(millis);
        return !loader.isAlive();
    }
}
