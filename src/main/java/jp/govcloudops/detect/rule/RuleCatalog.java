package jp.govcloudops.detect.rule;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import jp.govcloudops.config.DetectionProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Every detection rule, loaded and validated at start-up: the built-in files under {@code rules/cloudtrail/} and
 * {@code rules/analytics/} on the classpath, then the operator's directory ({@code govcloud.detection.rules-dir}),
 * whose files add rules or replace built-in ones with the same id. Any broken file, duplicate id or unknown
 * disabled id stops start-up with the file name and the reason.
 */
@Component
public class RuleCatalog {

    private static final Logger log = LoggerFactory.getLogger(RuleCatalog.class);

    private final Map<String, Rule> rules;
    private final List<Rule> cloudTrail;

    @org.springframework.beans.factory.annotation.Autowired
    public RuleCatalog(DetectionProperties properties) {
        this(properties.rulesDir(), properties.disabledRules());
    }

    public RuleCatalog(Path operatorDir, List<String> disabled) {
        Map<String, Rule> loaded = new LinkedHashMap<>();
        for (Rule rule : builtIn()) {
            Rule previous = loaded.putIfAbsent(rule.id(), rule);
            if (previous != null) {
                throw new RuleFormatException(rule.origin() + ": rule id " + rule.id() + " is already used by "
                        + previous.origin());
            }
        }
        if (operatorDir != null) {
            Map<String, Rule> own = new LinkedHashMap<>();
            for (Rule rule : fromDirectory(operatorDir)) {
                Rule previous = own.putIfAbsent(rule.id(), rule);
                if (previous != null) {
                    throw new RuleFormatException(rule.origin() + ": rule id " + rule.id() + " is already used by "
                            + previous.origin());
                }
                Rule replaced = loaded.get(rule.id());
                if (replaced != null && !replaced.kind().equals(rule.kind())) {
                    throw new RuleFormatException(rule.origin() + ": replaces built-in rule " + rule.id() + " of kind "
                            + replaced.kind() + " with kind " + rule.kind());
                }
                if (replaced == null && !rule.isCloudTrail()) {
                    throw new RuleFormatException(rule.origin() + ": analytic rule " + rule.id() + " does not exist;"
                            + " an operator's analytic file may only replace a built-in one's texts and severity");
                }
                if (replaced != null) {
                    log.info("Rule {} from {} replaces the built-in one", rule.id(), rule.origin());
                }
                loaded.put(rule.id(), rule);
            }
        }
        for (String id : disabled) {
            if (loaded.remove(id.strip()) == null) {
                throw new RuleFormatException("govcloud.detection.disabled-rules: no rule with id '" + id + "'");
            }
        }
        this.rules = Map.copyOf(loaded);
        this.cloudTrail = loaded.values().stream().filter(Rule::isCloudTrail)
                .sorted(Comparator.comparing(Rule::id)).toList();
        log.info("{} detection rules loaded ({} on CloudTrail records){}", rules.size(), cloudTrail.size(),
                operatorDir == null ? "" : ", including " + operatorDir);
    }

    static List<Rule> builtIn() {
        List<Rule> rules = new ArrayList<>();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (String folder : List.of("rules/cloudtrail", "rules/analytics")) {
            Resource[] resources;
            try {
                resources = resolver.getResources("classpath*:" + folder + "/*.yml");
            } catch (IOException e) {
                throw new RuleFormatException("cannot list built-in rules in " + folder + ": " + e.getMessage(), e);
            }
            for (Resource resource : resources) {
                String name = folder + "/" + resource.getFilename();
                try (InputStream in = resource.getInputStream()) {
                    Rule rule = parseNamed(new String(in.readAllBytes(), StandardCharsets.UTF_8), name,
                            resource.getFilename());
                    boolean analyticFolder = folder.endsWith("analytics");
                    if (analyticFolder == rule.isCloudTrail()) {
                        throw new RuleFormatException(name + ": kind " + rule.kind() + " does not belong in " + folder);
                    }
                    rules.add(rule);
                } catch (IOException e) {
                    throw new RuleFormatException(name + ": cannot read: " + e.getMessage(), e);
                }
            }
        }
        return rules;
    }

    static List<Rule> fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RuleFormatException("govcloud.detection.rules-dir " + dir + " is not a directory");
        }
        List<Rule> rules = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                    .sorted().toList()) {
                rules.add(parseNamed(Files.readString(file, StandardCharsets.UTF_8), file.toString(),
                        file.getFileName().toString()));
            }
        } catch (IOException e) {
            throw new RuleFormatException("cannot read rules from " + dir + ": " + e.getMessage(), e);
        }
        return rules;
    }

    /** Parses a file whose base name must be the rule's id, so a rule is found by its id. */
    static Rule parseNamed(String text, String origin, String fileName) {
        Rule rule = RuleParser.parse(text, origin);
        String base = fileName.replaceFirst("\\.ya?ml$", "");
        if (!base.equals(rule.id())) {
            throw new RuleFormatException(origin + ": the file of rule " + rule.id() + " must be named " + rule.id()
                    + ".yml");
        }
        return rule;
    }

    public List<Rule> cloudTrailRules() {
        return cloudTrail;
    }

    public Optional<Rule> find(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    /** The rule of a built-in analytic, or empty when an operator disabled it. */
    public Optional<Rule> analytic(String id) {
        Rule rule = rules.get(id);
        return rule != null && !rule.isCloudTrail() ? Optional.of(rule) : Optional.empty();
    }

    public List<Rule> all() {
        return rules.values().stream().sorted(Comparator.comparing(Rule::id)).toList();
    }
}
