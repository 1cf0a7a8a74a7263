package dev.vigil.aws.collect;

import dev.vigil.core.model.Resource;
import dev.vigil.core.rule.RuleDefinition;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields of one resource kind that a scan reads, for collectors that read some fields with calls of their own (see
 * {@code RuleInfo.fields}); {@link #ALL} when a selected rule reads every field or reads the kind as a whole.
 *
 * @param fields record component names, or null for all
 */
public record Reads(Set<String> fields) {

    public static final Reads ALL = new Reads(null);

    public Reads {
        fields = fields == null ? null : Set.copyOf(fields);
    }

    public boolean has(String field) {
        return fields == null || fields.contains(field);
    }

    /** What these rules read of every kind they check or read. */
    public static Map<Class<? extends Resource>, Reads> of(List<RuleDefinition> rules) {
        Map<Class<? extends Resource>, Set<String>> fields = new HashMap<>();
        Set<Class<? extends Resource>> whole = new HashSet<>();
        for (RuleDefinition rule : rules) {
            for (Class<? extends Resource> kind : rule.meta().reads()) {
                if (kind != rule.meta().resource() || rule.meta().fields().isEmpty()) {
                    whole.add(kind);
                } else {
                    fields.computeIfAbsent(kind, k -> new HashSet<>()).addAll(rule.meta().fields());
                }
            }
        }
        Map<Class<? extends Resource>, Reads> reads = new HashMap<>();
        fields.forEach((kind, names) -> reads.put(kind, new Reads(names)));
        whole.forEach(kind -> reads.put(kind, ALL));
        return Map.copyOf(reads);
    }
}
