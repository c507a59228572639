package jp.govcloudops.detect.rule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import jp.govcloudops.format.cloudtrail.CloudTrailEvent;

/**
 * The CloudTrail rules arranged by the event names they can match, so each record is tested against the few
 * rules that concern its eventName plus the rules that look at every event (errors, root, ...).
 */
public final class CloudTrailRuleIndex {

    private static final Rule[] NONE = new Rule[0];

    private final Map<String, Rule[]> byEventName;
    private final Rule[] everyEvent;
    private final RecordContext context = new RecordContext();
    /** Resource paths parsed once, not for every match. */
    private final Map<String, FieldPath> paths = new HashMap<>();

    public CloudTrailRuleIndex(List<Rule> rules) {
        Map<String, List<Rule>> named = new HashMap<>();
        List<Rule> generic = new ArrayList<>();
        for (Rule rule : rules) {
            Set<String> names = rule.predicate().requiredEventNames();
            if (names == null) {
                generic.add(rule);
            } else {
                for (String name : names) {
                    named.computeIfAbsent(name, n -> new ArrayList<>()).add(rule);
                }
            }
        }
        Map<String, Rule[]> index = new HashMap<>();
        named.forEach((name, list) -> index.put(name, list.toArray(NONE)));
        this.byEventName = index;
        this.everyEvent = generic.toArray(NONE);
    }

    /** Calls {@code matched} for every rule whose predicate holds for {@code event}. Not thread-safe. */
    public void match(CloudTrailEvent event, Consumer<Rule> matched) {
        context.reset(event);
        String name = event.eventName();
        Rule[] candidates = name == null ? NONE : byEventName.getOrDefault(name, NONE);
        for (Rule rule : candidates) {
            if (rule.predicate().test(context)) {
                matched.accept(rule);
            }
        }
        for (Rule rule : everyEvent) {
            if (rule.predicate().test(context)) {
                matched.accept(rule);
            }
        }
    }

    /** The values at a path of the current record (for resource names), first {@code limit} of them. */
    public List<String> values(String path, int limit) {
        List<String> out = new ArrayList<>();
        paths.computeIfAbsent(path, FieldPath::new).anyValue(context, (v, r) -> {
            out.add(v);
            return out.size() >= limit;
        });
        return out;
    }
}
