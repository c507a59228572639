package jp.govcloudops.detect.rule;

import jp.govcloudops.config.Severity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleCatalogTest {

    private static final String VALID = """
            id: my-rule
            title_ja: テスト
            title_en: Test
            severity: low
            source: own
            predicate:
              eventName: ConsoleLogin
              additionalEventData.MFAUsed: No
            dedup: {window: 15m, by: [account, source_ip]}
            countermeasure_ja: 確認する。
            """;

    @TempDir
    Path dir;

    @Test
    void operatorRulesAreAddedAndReplaceBuiltInOnesById() throws Exception {
        Files.writeString(dir.resolve("my-rule.yml"), VALID);
        Files.writeString(dir.resolve("ssm-send-command.yml"), VALID.replace("my-rule", "ssm-send-command")
                .replace("severity: low", "severity: HIGH"));
        RuleCatalog catalog = new RuleCatalog(dir, List.of("cis-4.1"));
        Rule mine = catalog.find("my-rule").orElseThrow();
        assertThat(mine.severity()).isEqualTo(Severity.LOW);
        assertThat(mine.dedup().window()).isEqualTo(Duration.ofMinutes(15));
        assertThat(mine.dedup().by()).containsExactly(GroupKey.ACCOUNT, GroupKey.SOURCE_IP);
        assertThat(catalog.find("ssm-send-command").orElseThrow().severity()).isEqualTo(Severity.HIGH);
        assertThat(catalog.find("cis-4.1")).isEmpty();
        // "No" unquoted is the text No, not YAML 1.1's boolean false.
        assertThat(catalog.cloudTrailRules().stream().filter(r -> r.id().equals("my-rule")).findFirst().orElseThrow()
                .predicate().requiredEventNames()).containsExactly("ConsoleLogin");
    }

    @Test
    void brokenFilesStopStartUpWithTheFileNameAndTheReason() throws Exception {
        expectFailure(VALID.replace("eventName: ConsoleLogin", "eventName: {eqals: ConsoleLogin}"),
                "my-rule.yml", "predicate.eventName.eqals: unknown operator 'eqals'");
        expectFailure(VALID.replace("severity: low", "severity: urgent"), "my-rule.yml", "unknown severity 'urgent'");
        expectFailure(VALID.replace("window: 15m", "window: 7m"), "my-rule.yml", "must be 0 or divide one day");
        expectFailure(VALID + "colour: blue\n", "my-rule.yml", "unknown key 'colour'");
        expectFailure(VALID.replace("title_en: Test\n", ""), "my-rule.yml", "title_en: is required");
        expectFailure(VALID.replace("predicate:", "predicate:\n  any: []\n  x:"), "my-rule.yml",
                "predicate.any: expected a non-empty list");
        expectFailure("id: my-rule\n  bad: [indent\n", "my-rule.yml", "not valid YAML");
        expectFailure(VALID.replace("id: my-rule", "id: My_Rule"), "my-rule.yml", "must be cis-4.N or a short kebab-case");
        expectFailure(VALID + "threshold: {count: 1, window: 5m}\n", "my-rule.yml", "threshold.count must be at least 2");
        expectFailure(VALID.replace("eventName: ConsoleLogin", "eventName: {regex: '('}"), "my-rule.yml",
                "invalid regular expression");
        expectFailure(VALID.replace("eventName: ConsoleLogin", "sourceIPAddress: {in_cidr: [10.0.0.0/33]}"),
                "my-rule.yml", "predicate.sourceIPAddress.in_cidr: bad prefix length in '10.0.0.0/33'");
    }

    @Test
    void fileNameMustBeTheRuleIdAndIdsAreUnique() throws Exception {
        Files.writeString(dir.resolve("other.yml"), VALID);
        assertThatThrownBy(() -> new RuleCatalog(dir, List.of())).hasMessageContaining("other.yml")
                .hasMessageContaining("must be named my-rule.yml");
    }

    @Test
    void unknownDisabledRuleIsAnError() {
        assertThatThrownBy(() -> new RuleCatalog(null, List.of("no-such-rule")))
                .hasMessageContaining("no-such-rule");
    }

    @Test
    void anOperatorCannotInventAnAnalytic() throws Exception {
        Files.writeString(dir.resolve("my-stat.yml"), """
                id: my-stat
                kind: analytic
                title_ja: x
                title_en: x
                severity: LOW
                source: own
                countermeasure_ja: x
                """);
        assertThatThrownBy(() -> new RuleCatalog(dir, List.of())).hasMessageContaining("my-stat.yml")
                .hasMessageContaining("does not exist");
    }

    private void expectFailure(String text, String file, String reason) throws Exception {
        Path path = dir.resolve(file);
        Files.writeString(path, text);
        try {
            assertThatThrownBy(() -> new RuleCatalog(dir, List.of())).isInstanceOf(RuleFormatException.class)
                    .hasMessageContaining(path.toString()).hasMessageContaining(reason);
        } finally {
            Files.delete(path);
        }
    }
}
