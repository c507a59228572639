package jp.govcloudops.job.distributed;

import jp.govcloudops.config.DistributedProperties;
import jp.govcloudops.config.IngestProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;

/**
 * The manager side of remote partitioning: the ingestion job's partition step sends one request per partition to
 * the queue and learns of finished partitions by polling the shared job repository (so no reply queue is needed,
 * and a manager restart finds the state where the workers left it).
 */
@Configuration
@EnableIntegration
@ConditionalOnProperty(name = "govcloud.distributed.enabled", havingValue = "true")
public class ManagerConfiguration {

    @Bean
    public Queue partitionQueue(DistributedProperties properties) {
        return new Queue(properties.queue(), true);
    }

    @Bean
    public DirectChannel partitionRequests() {
        return new DirectChannel();
    }

    @Bean
    public IntegrationFlow partitionRequestsToBroker(RabbitTemplate rabbitTemplate, DistributedProperties properties) {
        return IntegrationFlow.from(partitionRequests())
                .transform(StepExecutionRequest.class, PartitionRequests::toJson)
                .handle(Amqp.outboundAdapter(rabbitTemplate).routingKey(properties.queue()))
                .get();
    }

    @Bean
    public MessageChannelPartitionHandler remotePartitionHandler(JobRepository jobRepository,
            DistributedProperties properties, IngestProperties ingest) {
        MessageChannelPartitionHandler handler = new MessageChannelPartitionHandler();
        handler.setStepName("ingestObjects");
        handler.setGridSize(ingest.threads());
        handler.setJobRepository(jobRepository);
        handler.setPollInterval(properties.pollInterval().toMillis());
        handler.setTimeout(properties.managerTimeout().toMillis());
        handler.setMessagingOperations(new MessagingTemplate(partitionRequests()));
        return handler;
    }
}
