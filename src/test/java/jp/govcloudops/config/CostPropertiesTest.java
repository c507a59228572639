package jp.govcloudops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;

import jp.govcloudops.store.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostPropertiesTest {

    @TempDir
    Path dir;

    @Test
    void accountsAreValidatedAtStartUp() {
        assertThatThrownBy(() -> TestDatabase.h2(dir).start(
                "govcloud.cost.accounts[0].id=12345",
                "govcloud.cost.accounts[0].name=x",
                "govcloud.cost.accounts[0].system=住民記録",
                "govcloud.cost.accounts[0].notifications[0].type=ACTUAL",
                "govcloud.cost.accounts[0].notifications[0].percent=80",
                "govcloud.cost.accounts[0].notifications[1].type=FORECASTED",
                "govcloud.cost.accounts[0].notifications[1].percent=90",
                "govcloud.cost.accounts[0].notifications[1].amount=100"))
                .rootCause().hasMessageContaining("govcloud.cost")
                .hasMessageContaining("must be a 12-digit AWS account id")
                .hasMessageContaining("system must be one of 生活保護, レセプト管理, 児童扶養手当, ネットワーク管理")
                .hasMessageContaining("a percentage notification needs the account's monthly-budget")
                .hasMessageContaining("every notification needs recipients")
                .hasMessageContaining("give exactly one of percent and amount");
    }

    @Test
    void ruleKeysAndThresholdsFollowTheRule() {
        var percent = new CostProperties.Notification(CostProperties.Kind.ACTUAL, new BigDecimal("80.0"), null,
                java.util.List.of());
        var amount = new CostProperties.Notification(CostProperties.Kind.FORECASTED, null, new BigDecimal("1200"),
                java.util.List.of());
        assertThat(percent.key("USD")).isEqualTo("ACTUAL-80%");
        assertThat(amount.key("JPY")).isEqualTo("FORECASTED-1200JPY");
        assertThat(percent.thresholdAmount(new BigDecimal("500"))).isEqualByComparingTo("400");
        assertThat(amount.thresholdAmount(null)).isEqualByComparingTo("1200");
    }
}
