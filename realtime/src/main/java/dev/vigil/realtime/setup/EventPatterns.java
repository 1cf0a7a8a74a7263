package dev.vigil.realtime.setup;

import dev.vigil.aws.collect.CollectorCatalog;
import dev.vigil.aws.collect.EventTrigger;
import dev.vigil.core.model.Resource;
import dev.vigil.core.rule.RuleDefinition;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The EventBridge event patterns that deliver exactly what the rules' kinds are re-checked after: one pattern per
 * event source (CloudTrail's {@code detail.eventSource}), listing the event names the kinds' triggers declare, and
 * only calls that succeeded (a call that failed changed nothing).
 */
public final class EventPatterns {

    static final String DETAIL_TYPE = "AWS API Call via CloudTrail";

    private EventPatterns() {
    }

    /** Event source (e.g. {@code dynamodb.amazonaws.com}) → its event names, sorted, for every kind the rules read. */
    public static Map<String, Set<String>> events(List<RuleDefinition> rules) {
        Set<Class<? extends Resource>> kinds = new LinkedHashSet<>();
        rules.forEach(r -> kinds.addAll(r.meta().reads()));
        Map<String, Set<String>> events = new TreeMap<>();
        for (Class<? extends Resource> kind : kinds) {
            for (EventTrigger trigger : CollectorCatalog.forKind(kind).triggers()) {
                events.computeIfAbsent(trigger.source(), k -> new TreeSet<>()).addAll(trigger.eventNames());
            }
        }
        return events;
    }

    /** The pattern of one source, as a JSON tree (maps, lists, strings). */
    static Map<String, Object> pattern(String source, Set<String> eventNames) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("eventSource", List.of(source));
        detail.put("eventName", List.copyOf(eventNames));
        detail.put("errorCode", List.of(Map.of("exists", false)));
        Map<String, Object> pattern = new LinkedHashMap<>();
        pattern.put("source", List.of("aws." + source.substring(0, source.indexOf('.'))));
        pattern.put("detail-type", List.of(DETAIL_TYPE));
        pattern.put("detail", detail);
        return pattern;
    }

    /** A name for a source in resource names: {@code dynamodb.amazonaws.com} → {@code dynamodb}. */
    static String service(String source) {
        return source.substring(0, source.indexOf('.'));
    }
}
