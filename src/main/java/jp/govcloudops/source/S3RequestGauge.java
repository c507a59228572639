package jp.govcloudops.source;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts a process's S3 requests by operation and the most that waited for their response at once, for the log
 * line a run ends with: with S3's latency, the requests in flight decide how long a night takes. A request counts
 * once however many attempts it took; it is in flight from being sent until its response (for a download, its
 * headers) arrives.
 */
public final class S3RequestGauge implements ExecutionInterceptor {

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        requests.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), k -> new LongAdder())
                .increment();
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        inFlight.decrementAndGet();
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        inFlight.decrementAndGet();
    }

    /** Requests by operation name, in name order. */
    public Map<String, Long> requests() {
        Map<String, Long> counts = new TreeMap<>();
        requests.forEach((operation, count) -> counts.put(operation, count.sum()));
        return counts;
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** One line for the log, or null when no request was made. */
    public String describe() {
        Map<String, Long> counts = requests();
        if (counts.isEmpty()) {
            return null;
        }
        StringBuilder line = new StringBuilder("S3 requests:");
        counts.forEach((operation, count) -> line.append(' ').append(operation).append(' ').append(count).append(','));
        return line.append(" at most ").append(maxInFlight()).append(" in flight").toString();
    }
}
