package jp.govcloudops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import jp.govcloudops.store.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

class SecurityServicesPropertiesTest {

    @TempDir
    Path dir;

    @Test
    void theConfigRuleSeverityDefaultsToMediumAndAnUnknownOneStopsTheStart() {
        try (ConfigurableApplicationContext context = TestDatabase.h2(dir.resolve("defaults")).start()) {
            assertThat(context.getBean(SecurityServicesProperties.class).configRuleSeverity()).isEqualTo("MEDIUM");
        }
        try (ConfigurableApplicationContext context = TestDatabase.h2(dir.resolve("set")).start(
                "govcloud.security-services.config-rule-severity=HIGH")) {
            assertThat(context.getBean(SecurityServicesProperties.class).configRuleSeverity()).isEqualTo("HIGH");
        }
        assertThatThrownBy(() -> TestDatabase.h2(dir.resolve("bad")).start(
                "govcloud.security-services.config-rule-severity=URGENT")).rootCause()
                .hasMessageContaining("govcloud.security-services.config-rule-severity must be INFORMATIONAL");
    }
}
