package jp.govcloudops.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

import jp.govcloudops.pipeline.Pipelines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "intraday", mixinStandardHelpOptions = true,
        description = {"The intra-day run (日中の即時監視), every 10-15 minutes by a timer: ingest the new objects of",
                "today's and yesterday's folder dates (UTC) of every log type through the same manifest as the",
                "night, derive the per-record findings (CloudTrail rules, GuardDuty, Security Hub) and mail HIGH and",
                "CRITICAL ones at once: inside 受付時間 to the operators, outside it to the on-call list. Statistical",
                "detections stay nightly. Finishes in seconds when nothing is new."})
public class IntradayCommand implements Callable<Integer> {

    @ParentCommand
    GovcloudCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--at", paramLabel = "INSTANT",
            description = "The run's clock (ISO-8601 instant, e.g. 2026-12-08T05:37:00Z). Default: now.")
    Instant at;

    @Option(names = "--lock-wait", paramLabel = "DURATION", defaultValue = "PT2M",
            description = "How long to wait for another run on the same store (ISO-8601, default ${DEFAULT-VALUE});"
                    + " a timer's next run comes soon anyway.")
    Duration lockWait;

    @Override
    public Integer call() {
        Instant when = at != null ? at : Instant.now();
        PrintWriter out = spec.commandLine().getOut();
        return root.withContext(context -> {
            int exit = context.getBean(Pipelines.class).runIntraday(when, lockWait, out, root::failure);
            out.flush();
            return exit;
        });
    }
}
