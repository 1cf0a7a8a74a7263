package dev.vigil.realtime;

import dev.vigil.aws.collect.Collector;
import dev.vigil.aws.collect.CollectorCatalog;
import dev.vigil.aws.collect.EventTrigger;
import dev.vigil.core.model.Resource;
import dev.vigil.core.rule.RuleDefinition;
import dev.vigil.core.rule.RuleMeta;
import dev.vigil.service.Recheck;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * From an event to what it makes stale: the collectors' triggers say which kinds it concerns and where it names
 * the resources; the rules that read those kinds are re-checked, each on the named resources when it judges one
 * resource by itself, else (it judges resources with the rest of their region, as Backup-001 judges DB instances
 * with the region's backup selections, snapshots and replica sources) on its whole region.
 */
final class EventRouter {

    /** A trigger of one kind. */
    private record Concern(Class<? extends Resource> kind, EventTrigger trigger) {
    }

    private final Map<String, List<Concern>> byEvent = new HashMap<>();

    EventRouter(Collection<Collector> collectors) {
        for (Collector collector : collectors) {
            for (EventTrigger trigger : collector.triggers()) {
                for (String name : trigger.eventNames()) {
                    byEvent.computeIfAbsent(key(trigger.source(), name), k -> new ArrayList<>())
                            .add(new Concern(collector.kind(), trigger));
                }
            }
        }
    }

    /** The catalog's collectors. */
    static EventRouter catalog() {
        return new EventRouter(CollectorCatalog.all());
    }

    private static String key(String source, String eventName) {
        return source + " " + eventName;
    }

    /**
     * What the event makes stale among {@code rules} (the account's rules); empty when none of them reads what it
     * concerns (e.g. the only rule concerned is disabled for the account).
     *
     * @throws PoisonMessage no trigger knows this event
     */
    Optional<Recheck> route(CloudTrailEvent event, List<RuleDefinition> rules) throws PoisonMessage {
        List<Concern> concerns = byEvent.get(key(event.eventSource(), event.eventName()));
        if (concerns == null) {
            throw new PoisonMessage("no rule is re-checked after " + CloudTrailEvent.clip(event.eventSource()) + " "
                    + CloudTrailEvent.clip(event.eventName()));
        }
        Set<String> concerned = new LinkedHashSet<>();
        Set<String> whole = new LinkedHashSet<>();
        Map<String, Set<String>> named = new LinkedHashMap<>();
        for (Concern concern : concerns) {
            Optional<Set<String>> names = names(event, concern.trigger());
            if (names.isPresent() && names.get().isEmpty()) {
                continue;   // it names a resource of another kind (an RDS tag event on a cluster, not an instance)
            }
            for (RuleDefinition rule : rules) {
                RuleMeta meta = rule.meta();
                if (!meta.reads().contains(concern.kind())) {
                    continue;
                }
                concerned.add(meta.id());
                if (names.isPresent() && meta.resource() == concern.kind() && meta.reads().size() == 1) {
                    named.computeIfAbsent(meta.id(), k -> new LinkedHashSet<>()).addAll(names.get());
                } else {
                    whole.add(meta.id());
                }
            }
        }
        named.keySet().removeAll(whole);
        return concerned.isEmpty() ? Optional.empty()
                : Optional.of(new Recheck(event.account(), event.region(), concerned, named));
    }

    /**
     * The resources the event names for the trigger's kind: empty Optional when the whole region is concerned (a
     * region-wide trigger, or an event without any of the paths), an empty set when every value it gives is
     * another kind's ARN.
     */
    private static Optional<Set<String>> names(CloudTrailEvent event, EventTrigger trigger) {
        if (trigger.isRegionWide()) {
            return Optional.empty();
        }
        Set<String> names = new LinkedHashSet<>();
        boolean found = false;
        for (String path : trigger.resourcePaths()) {
            Optional<String> value = event.text(path);
            if (value.isPresent()) {
                found = true;
                trigger.names().of(value.get()).ifPresent(names::add);
            }
        }
        return found ? Optional.of(names) : Optional.empty();
    }
}
