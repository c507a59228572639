package jp.govcloudops.job;

import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;

/**
 * The step execution a step-scoped bean is created for. Step-scoped beans ask here rather than having a
 * {@code #{stepExecution}} expression injected: the first such expression of a run loads and interprets Spring's
 * expression engine on the job's critical path, about 20 ms before the first object is read (docs/benchmarks.md,
 * change 18). Both look in the same place: the step scope creates its beans inside the step's registered context.
 */
public final class RunningStep {

    private RunningStep() {
    }

    public static StepExecution execution() {
        StepContext context = StepSynchronizationManager.getContext();
        if (context == null) {
            throw new IllegalStateException("no step is running on this thread: a step-scoped bean was created"
                    + " outside its step");
        }
        return context.getStepExecution();
    }
}
