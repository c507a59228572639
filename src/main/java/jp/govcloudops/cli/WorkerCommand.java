package jp.govcloudops.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import jp.govcloudops.config.DistributedProperties;
import jp.govcloudops.pipeline.ExitCodes;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Runs ingestion partitions sent by a manager over RabbitMQ (remote partitioning), until stopped",
                "(SIGTERM / systemctl stop). Needs the same store as the manager (--db, a shared PostgreSQL) and the",
                "broker settings spring.rabbitmq.*. Start any number of workers on any number of machines."})
public class WorkerCommand implements Callable<Integer> {

    @ParentCommand
    GovcloudCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return root.withContext(context -> {
            CountDownLatch stopped = new CountDownLatch(1);
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent) {
                    stopped.countDown();
                }
            });
            DistributedProperties properties = context.getBean(DistributedProperties.class);
            spec.commandLine().getOut().printf("worker: taking partitions from queue %s with %d threads%n",
                    properties.queue(), properties.workerThreads());
            spec.commandLine().getOut().flush();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ExitCodes.OK;
        }, "--govcloud.distributed.worker=true");
    }
}
