package jp.govcloudops.detect.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Japanese label and 対応策 of a GuardDuty finding family or a Security Hub control
 * ({@code rules/services/security-services.yml}): a control by its id ({@code EC2.2}), then its prefix
 * ({@code EC2}); CIS AWS Foundations 1.2 rules ({@code 1.3}, {@code 4.1}) by their section.
 */
@Component
public class ServiceCountermeasures {

    /** A family's or control's texts. */
    public record Text(String labelJa, String countermeasureJa) {
    }

    private static final String RESOURCE = "/rules/services/security-services.yml";

    private final Map<String, Map<String, Object>> guardDuty;
    private final Map<String, Map<String, Object>> securityHub;
    private final Map<String, Map<String, Object>> config;

    @SuppressWarnings("unchecked")
    public ServiceCountermeasures() {
        try (InputStream in = ServiceCountermeasures.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the application");
            }
            Map<String, Object> all = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            this.guardDuty = (Map<String, Map<String, Object>>) all.get("guardduty");
            this.securityHub = (Map<String, Map<String, Object>>) all.get("securityhub");
            this.config = (Map<String, Map<String, Object>>) all.get("config");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Text guardDuty(String family) {
        return text(guardDuty.getOrDefault(family, guardDuty.get("default")));
    }

    /** An AWS Config rule's texts, by its name, else Config's default. */
    public Text configRule(String ruleName) {
        return text(config.getOrDefault(String.valueOf(ruleName), config.get("default")));
    }

    public Text control(String controlId) {
        if (controlId == null) {
            return text(securityHub.get("default"));
        }
        if (securityHub.containsKey(controlId)) {
            return text(securityHub.get(controlId));
        }
        if (controlId.matches("\\d+\\.\\d+")) {
            String section = switch (controlId.charAt(0)) {
                case '1' -> "cis-iam";
                case '2' -> "cis-logging";
                case '3' -> "cis-monitoring";
                default -> "cis-network";
            };
            return text(securityHub.get(section));
        }
        int dot = controlId.indexOf('.');
        String prefix = dot < 0 ? controlId : controlId.substring(0, dot);
        return text(securityHub.getOrDefault(prefix, securityHub.get("default")));
    }

    private static Text text(Map<String, Object> entry) {
        return new Text(((String) entry.get("label_ja")).strip(), ((String) entry.get("countermeasure_ja")).strip());
    }
}
