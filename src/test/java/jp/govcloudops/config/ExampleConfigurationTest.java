package jp.govcloudops.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import jp.govcloudops.store.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The per-environment examples under jobs/config start the application as they are (the store moved to a
 * temporary H2 file), so a setting renamed or tightened in the code cannot leave them behind. The distributed
 * example names a message broker the application connects to at start-up, so it is not started here.
 */
class ExampleConfigurationTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"production.yml", "test-environment.yml"})
    void exampleStartsAndBindsItsSettings(String file) {
        Path example = Path.of("jobs/config", file).toAbsolutePath();
        try (ConfigurableApplicationContext context = TestDatabase.h2(dir).start(
                "spring.config.additional-location=file:" + example)) {
            GovcloudProperties govcloud = context.getBean(GovcloudProperties.class);
            DetectionProperties detection = context.getBean(DetectionProperties.class);
            assertThat(govcloud.sources()).isNotEmpty();
            assertThat(detection.flow().dnsPorts()).containsExactly(53, 853);
            if (file.equals("production.yml")) {
                assertThat(govcloud.accounts()).hasSize(4);
                assertThat(context.getBean(NetworkProperties.class).vpc()).hasSize(4);
                assertThat(detection.notifications().recipients()).containsExactly("soc@example.jp");
                assertThat(detection.flow().dnsApprovedResolvers()).isEmpty();
            }
        }
    }
}
