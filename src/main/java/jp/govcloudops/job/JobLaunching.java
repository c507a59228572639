package jp.govcloudops.job;

import java.util.function.LongFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Runs a job so that running the same command again does the right thing: an instance that failed, was stopped
 * or died with its process (still marked running, while the caller holds the run lock) is restarted, so that
 * completed work is not redone; once an instance has completed, or when it has no execution recorded, the next
 * run is a new instance (the next attempt number).
 */
@Component
public class JobLaunching {

    private static final Logger log = LoggerFactory.getLogger(JobLaunching.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;

    public JobLaunching(JobOperator jobOperator, JobRepository jobRepository) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
    }

    /** {@code parametersForAttempt} gives the identifying parameters of attempt 1, 2, ... */
    public JobExecution run(Job job, LongFunction<JobParameters> parametersForAttempt) throws Exception {
        for (long attempt = 1; ; attempt++) {
            JobParameters parameters = parametersForAttempt.apply(attempt);
            JobInstance instance = jobRepository.getJobInstance(job.getName(), parameters);
            if (instance == null) {
                return jobOperator.start(job, parameters);
            }
            JobExecution last = jobRepository.getLastJobExecution(instance);
            if (last == null) {
                // Spring Batch creates the instance and its first execution in two transactions: a process that died
                // between them, or whose later commits the embedded H2 store lost with it (H2 writes commits to its
                // file within about a second), left an instance that can be neither restarted nor completed, and
                // whose work, if any, the store no longer holds.
                log.warn("Job instance {} of {} has no execution (its process died while starting it, or the store"
                        + " lost its last commits); taking the next attempt", instance.getId(), job.getName());
                continue;
            }
            BatchStatus status = last.getStatus();
            switch (status) {
                case COMPLETED, ABANDONED, UNKNOWN -> {
                    continue;
                }
                case STARTING, STARTED, STOPPING -> {
                    log.warn("Job execution {} of {} was left running by a process that is gone; recovering it"
                            + " and resuming", last.getId(), job.getName());
                    jobOperator.recover(last);
                }
                default -> log.info("Resuming {} (instance {}, last execution {} {})", job.getName(),
                        instance.getId(), last.getId(), status);
            }
            return jobOperator.start(job, parameters);
        }
    }
}
