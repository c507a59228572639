package jp.govcloudops.pipeline;

import java.io.PrintWriter;
import java.time.LocalDate;

import jp.govcloudops.notify.MailDispatcher;
import org.springframework.stereotype.Component;

/** The last nightly stage: sends the notifications the earlier stages queued. */
@Component
public class MailStage implements Stage {

    private final MailDispatcher dispatcher;

    public MailStage(MailDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public String name() {
        return "mail";
    }

    /** Sending is not per day: one dispatch covers whatever the range's stages queued. */
    @Override
    public int runRange(LocalDate from, LocalDate to, PrintWriter out) {
        return run(to, out);
    }

    @Override
    public int run(LocalDate day, PrintWriter out) {
        MailDispatcher.Result result = dispatcher.dispatch();
        if (!result.configured()) {
            if (result.waiting() > 0) {
                out.printf("mail: %d notifications waiting in the outbox; no SMTP server configured (spring.mail.host)%n",
                        result.waiting());
                return ExitCodes.COMPLETED_WITH_GAPS;
            }
            return ExitCodes.OK;
        }
        out.printf("mail: %d sent, %d failed, %d not yet sent%n", result.sent(), result.failed(), result.waiting());
        return result.failed() > 0 ? ExitCodes.COMPLETED_WITH_GAPS : ExitCodes.OK;
    }
}
