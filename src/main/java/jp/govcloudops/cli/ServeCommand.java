package jp.govcloudops.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import jp.govcloudops.pipeline.ExitCodes;
import jp.govcloudops.config.WebProperties;
import jp.govcloudops.web.console.WebConsole;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code serve}: the web console on the store, until the process is stopped (SIGTERM, Ctrl-C). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the web console (Web コンソール) on the store: 概要, 検知結果, データ取込, 利用料,",
                "作業記録, 報告書, behind a login (users: govcloud-ops user add). Runs until stopped.",
                "Defaults: govcloud.web (port 8080, address 127.0.0.1)."})
public class ServeCommand implements Callable<Integer> {

    @ParentCommand
    GovcloudCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (0: any free port).")
    Integer port;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Address to listen on (default 127.0.0.1: this host only; see the runbook before widening).")
    String bind;

    @Override
    public Integer call() throws InterruptedException {
        List<String> properties = new ArrayList<>(WebConsole.PROPERTIES);
        if (port != null) {
            properties.add("--govcloud.web.port=" + port);
        }
        if (bind != null) {
            properties.add("--govcloud.web.bind=" + bind);
        }
        CountDownLatch closed = new CountDownLatch(1);
        ConfigurableApplicationContext context = root.startWeb(WebConsole.class, properties.toArray(new String[0]));
        context.addApplicationListener((ApplicationListener<ContextClosedEvent>) event -> closed.countDown());
        int actual = ((WebServerApplicationContext) context).getWebServer().getPort();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("serving the console on http://%s:%d/ (stop with Ctrl-C)%n",
                context.getBean(WebProperties.class).bind(), actual);
        out.flush();
        closed.await();
        return ExitCodes.OK;
    }
}
