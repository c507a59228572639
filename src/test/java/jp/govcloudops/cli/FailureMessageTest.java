package jp.govcloudops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** Masking of secrets in failure lines; the reasons themselves are checked through the command line (StartupFailuresTest). */
class FailureMessageTest {

    @Test
    void passwordsInUrlsAreMasked() {
        assertThat(FailureMessage.redact("jdbc:postgresql://db:5432/ops?user=ops&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/ops?user=ops&password=***&ssl=true");
        assertThat(FailureMessage.redact("jdbc:h2:file:./data/govcloud;USER=sa;PASSWORD=s3cret;AUTO_SERVER=TRUE"))
                .isEqualTo("jdbc:h2:file:./data/govcloud;USER=sa;PASSWORD=***;AUTO_SERVER=TRUE");
        assertThat(FailureMessage.redact("amqp://guest:s3cret@mq:5672/")).isEqualTo("amqp://guest:***@mq:5672/");
    }

    @Test
    void aLineNeverCarriesThePasswordOfTheUrlInTheMessage() {
        SQLException e = new SQLException("cannot open jdbc:postgresql://db/ops?password=s3cret", "08001");
        assertThat(GovcloudCli.rootMessage(new IllegalStateException("start failed", e)))
                .startsWith("cannot connect to the store (cannot open jdbc:postgresql://db/ops?password=***)")
                .doesNotContain("s3cret");
        assertThat(FailureMessage.trace(new IllegalStateException("start failed", e))).doesNotContain("s3cret");
    }
}
