package jp.govcloudops.detect;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken operator rule file stops the application at start-up, naming the file and the reason. */
class RuleStartupTest {

    @TempDir
    Path dir;

    @Test
    void brokenRuleFileFailsStartUp() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Path file = rules.resolve("my-rule.yml");
        Files.writeString(file, """
                id: my-rule
                title_ja: テスト
                title_en: Test
                severity: HIGH
                source: own
                predicate:
                  eventName: {equal: ConsoleLogin}
                countermeasure_ja: 確認する。
                """);
        Path logs = Files.createDirectories(dir.resolve("logs"));
        assertThatThrownBy(() -> new StoreContext(dir, logs, "--govcloud.detection.rules-dir=" + rules).close())
                .rootCause().hasMessageContaining(file.toString())
                .hasMessageContaining("unknown operator 'equal'");
    }
}
