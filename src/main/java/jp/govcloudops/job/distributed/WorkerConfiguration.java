package jp.govcloudops.job.distributed;

import jp.govcloudops.config.DistributedProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.StepLocator;
import org.springframework.batch.integration.partition.BeanFactoryStepLocator;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;

/**
 * The worker side: takes partition requests from the queue, one at a time per worker thread (prefetch 1, so a
 * slow worker never holds partitions others could take), and runs the requested step execution against the shared
 * job repository. A request that comes back from the broker because its worker died is not run again blindly: its
 * partition is marked failed, so the manager's step fails and restarting the job resumes exactly what was not
 * committed.
 */
@Configuration
@EnableIntegration
@ConditionalOnProperty(name = "govcloud.distributed.worker", havingValue = "true")
public class WorkerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WorkerConfiguration.class);

    @Bean
    public Queue workerPartitionQueue(DistributedProperties properties) {
        return new Queue(properties.queue(), true);
    }

    @Bean
    public StepExecutionRequestHandler stepExecutionRequestHandler(JobRepository jobRepository, BeanFactory beanFactory) {
        BeanFactoryStepLocator locator = new BeanFactoryStepLocator();
        locator.setBeanFactory(beanFactory);
        StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
        handler.setJobRepository(jobRepository);
        handler.setStepLocator((StepLocator) locator);
        return handler;
    }

    @Bean
    public IntegrationFlow partitionRequestsFromBroker(ConnectionFactory connectionFactory,
            DistributedProperties properties, StepExecutionRequestHandler handler, JobRepository jobRepository) {
        return IntegrationFlow.from(Amqp.inboundAdapter(connectionFactory, properties.queue())
                        .configureContainer(c -> c.prefetchCount(1)
                                .concurrentConsumers(properties.workerThreads())
                                .acknowledgeMode(AcknowledgeMode.AUTO)
                                .defaultRequeueRejected(false)))
                .handle(String.class, (payload, headers) -> {
                    StepExecutionRequest request = PartitionRequests.fromJson(payload);
                    if (Boolean.TRUE.equals(headers.get(AmqpHeaders.REDELIVERED))
                            && startedElsewhere(jobRepository, request)) {
                        failLostPartition(jobRepository, request);
                        return null;
                    }
                    log.info("Running {}", request);
                    StepExecution result = handler.handle(request);
                    log.info("Finished {}: {}", request, result.getStatus());
                    return null;
                })
                .get();
    }

    /** A redelivered request whose step never started (its worker died first) can simply run here. */
    private static boolean startedElsewhere(JobRepository jobRepository, StepExecutionRequest request) {
        StepExecution stepExecution = jobRepository.getStepExecution(request.getStepExecutionId());
        return stepExecution != null && stepExecution.getStatus() != BatchStatus.STARTING;
    }

    private void failLostPartition(JobRepository jobRepository, StepExecutionRequest request) {
        StepExecution stepExecution = jobRepository.getStepExecution(request.getStepExecutionId());
        if (stepExecution == null || !stepExecution.getStatus().isRunning()) {
            log.info("Ignoring redelivered {}: already {}", request,
                    stepExecution == null ? "gone" : stepExecution.getStatus());
            return;
        }
        log.warn("{} came back from the broker: the worker running it was lost; marking the partition failed so"
                + " that a restart of the job resumes it", request);
        stepExecution.setStatus(BatchStatus.FAILED);
        stepExecution.setExitStatus(ExitStatus.FAILED.addExitDescription(
                "the worker running this partition was lost; restart the job to resume it"));
        stepExecution.setEndTime(java.time.LocalDateTime.now());
        jobRepository.update(stepExecution);
    }
}
