package jp.govcloudops.detect.rule;

import jp.govcloudops.config.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads and validates one rule file. Plain YAML scalars stay text except {@code true}/{@code false}, integers and
 * null, so {@code Yes}, {@code No}, {@code on} (YAML 1.1 booleans) and dates mean what they say in a rule.
 */
public final class RuleParser {

    public static final String ANALYTIC = "analytic";

    private static final Pattern ID = Pattern.compile("cis-4\\.\\d{1,2}|[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Set<String> KEYS = Set.of("id", "kind", "title_ja", "title_en", "severity", "description_ja",
            "predicate", "dedup", "threshold", "resource", "countermeasure_ja", "source", "attribution", "references");

    private RuleParser() {
    }

    /** Parses {@code text}; any problem is a {@link RuleFormatException} starting with {@code origin}. */
    public static Rule parse(String text, String origin) {
        try {
            return parseOrThrow(text, origin);
        } catch (RuleFormatException e) {
            // No cause: the command line shows the innermost message, which must name the file.
            throw new RuleFormatException(origin + ": " + e.getMessage());
        } catch (YAMLException e) {
            throw new RuleFormatException(origin + ": not valid YAML: " + e.getMessage().replace('\n', ' '));
        }
    }

    private static Rule parseOrThrow(String text, String origin) {
        Object loaded = yaml().load(text);
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new RuleFormatException("a rule file holds one mapping (id:, title_ja:, ...), found "
                    + PredicateParser.describe(loaded));
        }
        for (Object key : map.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                throw new RuleFormatException("unknown key '" + key + "' (expected " + String.join(", ",
                        KEYS.stream().sorted().toList()) + ")");
            }
        }
        String id = required(map, "id");
        if (!ID.matcher(id).matches()) {
            throw new RuleFormatException("id '" + id + "' must be cis-4.N or a short kebab-case name");
        }
        String kind = optional(map, "kind", Rule.CLOUDTRAIL);
        if (!kind.equals(Rule.CLOUDTRAIL) && !kind.equals(ANALYTIC)) {
            throw new RuleFormatException("kind must be " + Rule.CLOUDTRAIL + " or " + ANALYTIC + ", not '" + kind + "'");
        }
        Severity severity;
        try {
            severity = Severity.parse(required(map, "severity"));
        } catch (IllegalArgumentException e) {
            throw new RuleFormatException(e.getMessage());
        }
        String titleJa = required(map, "title_ja");
        String titleEn = required(map, "title_en");
        String countermeasure = required(map, "countermeasure_ja").strip();
        String source = required(map, "source").strip();
        String attribution = optional(map, "attribution", null);
        String description = optional(map, "description_ja", null);

        Predicate predicate = null;
        Dedup dedup = Dedup.DEFAULT;
        Threshold threshold = null;
        List<String> resources = List.of();
        if (kind.equals(Rule.CLOUDTRAIL)) {
            if (!map.containsKey("predicate")) {
                throw new RuleFormatException("a cloudtrail rule needs a predicate:");
            }
            predicate = PredicateParser.parse(map.get("predicate"), "predicate");
            dedup = dedup(map.get("dedup"));
            threshold = threshold(map.get("threshold"), dedup);
            resources = resources(map.get("resource"));
        } else {
            for (String key : List.of("predicate", "dedup", "threshold", "resource")) {
                if (map.containsKey(key)) {
                    throw new RuleFormatException("an analytic rule is computed by the program: " + key
                            + ": has no meaning here (its settings are govcloud.detection.*)");
                }
            }
        }
        return new Rule(id, kind, titleJa, titleEn, severity, description, predicate, dedup, threshold, resources,
                countermeasure, source, attribution, origin);
    }

    private static Dedup dedup(Object value) {
        if (value == null) {
            return Dedup.DEFAULT;
        }
        Duration window;
        List<GroupKey> by = Dedup.DEFAULT.by();
        if (value instanceof Map<?, ?> map) {
            for (Object k : map.keySet()) {
                if (!Set.of("window", "by").contains(String.valueOf(k))) {
                    throw new RuleFormatException("dedup: unknown key '" + k + "' (expected window, by)");
                }
            }
            window = map.containsKey("window") ? Durations.parse(map.get("window"), "dedup.window")
                    : Dedup.DEFAULT.window();
            if (map.containsKey("by")) {
                by = groupKeys(map.get("by"), "dedup.by");
            }
        } else {
            window = Durations.parse(value, "dedup");
        }
        if (window.isNegative() || window.compareTo(Duration.ofDays(1)) > 0
                || (!window.isZero() && Duration.ofDays(1).toSeconds() % window.toSeconds() != 0)) {
            throw new RuleFormatException("dedup.window " + Durations.format(window) + " must be 0 or divide one day"
                    + " evenly (e.g. 10m, 15m, 1h, 6h, 1d), so that windows line up with days");
        }
        return new Dedup(window, by);
    }

    private static Threshold threshold(Object value, Dedup dedup) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new RuleFormatException("threshold: expected count:, window: and optionally by:");
        }
        for (Object k : map.keySet()) {
            if (!Set.of("count", "window", "by").contains(String.valueOf(k))) {
                throw new RuleFormatException("threshold: unknown key '" + k + "' (expected count, window, by)");
            }
        }
        int count;
        try {
            count = Integer.parseInt(String.valueOf(map.get("count")).strip());
        } catch (NumberFormatException e) {
            throw new RuleFormatException("threshold.count: expected a whole number, found "
                    + PredicateParser.describe(map.get("count")));
        }
        if (count < 2) {
            throw new RuleFormatException("threshold.count must be at least 2 (a single match needs no threshold)");
        }
        if (!map.containsKey("window")) {
            throw new RuleFormatException("threshold.window is required");
        }
        Duration window = Durations.parse(map.get("window"), "threshold.window");
        if (window.isZero() || window.isNegative() || window.compareTo(Duration.ofDays(1)) > 0) {
            throw new RuleFormatException("threshold.window must be more than 0 and at most 1d");
        }
        List<GroupKey> by = map.containsKey("by") ? groupKeys(map.get("by"), "threshold.by") : dedup.by();
        return new Threshold(count, window, by);
    }

    private static List<GroupKey> groupKeys(Object value, String where) {
        if (!(value instanceof List<?> list)) {
            throw new RuleFormatException(where + ": expected a list such as [account, principal]");
        }
        List<GroupKey> keys = new ArrayList<>();
        for (Object o : list) {
            try {
                keys.add(GroupKey.parse(String.valueOf(o)));
            } catch (IllegalArgumentException e) {
                throw new RuleFormatException(where + ": " + e.getMessage());
            }
        }
        return keys;
    }

    private static List<String> resources(Object value) {
        if (value == null) {
            return List.of();
        }
        List<?> list = value instanceof List<?> l ? l : List.of(value);
        List<String> paths = new ArrayList<>();
        for (Object o : list) {
            try {
                paths.add(new FieldPath(String.valueOf(o)).text());
            } catch (IllegalArgumentException e) {
                throw new RuleFormatException("resource: " + e.getMessage());
            }
        }
        return paths;
    }

    private static String required(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value == null || value instanceof Map || value instanceof List || String.valueOf(value).isBlank()) {
            throw new RuleFormatException(key + ": is required (a text)");
        }
        return String.valueOf(value);
    }

    private static String optional(Map<?, ?> map, String key, String fallback) {
        Object value = map.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Map || value instanceof List) {
            throw new RuleFormatException(key + ": expected a text");
        }
        return String.valueOf(value).strip();
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options), new Representer(new org.yaml.snakeyaml.DumperOptions()),
                new org.yaml.snakeyaml.DumperOptions(), options, new PlainResolver());
    }

    /** Resolves plain scalars as text, except true/false, integers and null. */
    private static final class PlainResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF");
            // Leading zeros stay text: account ids such as 012345678901 are not octal numbers.
            addImplicitResolver(Tag.INT, Pattern.compile("^(?:0|-?[1-9][0-9]*)$"), "-0123456789");
            addImplicitResolver(Tag.NULL, Pattern.compile("^(?:~|null|Null|NULL| )$"), "~nN\0");
            addImplicitResolver(Tag.NULL, Pattern.compile("^$"), null);
        }
    }
}
