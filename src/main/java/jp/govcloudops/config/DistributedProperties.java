package jp.govcloudops.config;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Remote partitioning over RabbitMQ (the broker itself is Spring Boot's {@code spring.rabbitmq.*}). Off by
 * default: partitions then run on the local thread pool. With it on, the process running a job is the manager:
 * it sends one message per partition and waits for the workers ({@code worker} command, any number of machines,
 * the same store) through the shared job repository.
 *
 * @param enabled        send partitions to workers instead of running them locally
 * @param queue          the durable queue partition requests go to
 * @param workerThreads  partitions one worker process runs at a time
 * @param pollInterval   how often the manager reads the job repository for finished partitions
 * @param managerTimeout how long the manager waits for all partitions before failing the step
 */
@Validated
@ConfigurationProperties("govcloud.distributed")
public record DistributedProperties(
        @DefaultValue("false") boolean enabled,
        @NotBlank @DefaultValue("govcloud-ops.ingest-partitions") String queue,
        @Min(1) @DefaultValue("2") int workerThreads,
        @NotNull @DefaultValue("1s") Duration pollInterval,
        @NotNull @DefaultValue("24h") Duration managerTimeout) {
}
