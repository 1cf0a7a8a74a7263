package dev.vigil.core.rule;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

/** Every rule on the class path, found through the index that {@link RuleIndexProcessor} writes. */
public final class Catalog {

    private final List<RuleDefinition> rules;

    public Catalog(List<RuleDefinition> rules) {
        this.rules = rules.stream().sorted(Comparator.comparing(r -> r.meta().id())).toList();
    }

    public static Catalog load() {
        return new Catalog(ServiceLoader.load(Rule.class).stream()
                .map(p -> RuleDefinition.of(p.get())).toList());
    }

    public List<RuleDefinition> all() {
        return rules;
    }

    /** The rules with these IDs (case-insensitive), all rules when none are given. */
    public List<RuleDefinition> select(List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return rules;
        }
        Set<RuleDefinition> chosen = new LinkedHashSet<>();
        for (String id : ids) {
            chosen.add(find(id));
        }
        return List.copyOf(chosen);
    }

    /**
     * The rules that run under these configurations (rule ID → config; rules not named run with their defaults),
     * configured; disabled rules are left out. An unknown rule ID or setting is an IllegalArgumentException.
     */
    public List<RuleDefinition> configure(Map<String, RuleConfig> configs) {
        return configure(rules, configs);
    }

    /** As {@link #configure(Map)}, for a selection of the rules. */
    public List<RuleDefinition> configure(List<RuleDefinition> selected, Map<String, RuleConfig> configs) {
        Map<String, RuleConfig> byId = new java.util.HashMap<>();
        configs.forEach((id, config) -> byId.put(find(id).meta().id(), config));
        return selected.stream()
                .map(r -> r.configure(byId.getOrDefault(r.meta().id(), RuleConfig.DEFAULT)))
                .filter(r -> byId.getOrDefault(r.meta().id(), RuleConfig.DEFAULT).enabled())
                .toList();
    }

    public RuleDefinition find(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return rules.stream().filter(r -> r.meta().id().toLowerCase(Locale.ROOT).equals(wanted)).findFirst()
                .orElseThrow(() -> new UnknownRuleException(id,
                        rules.stream().map(r -> r.meta().id()).collect(Collectors.joining(", "))));
    }

    /** A rule ID that no rule has; the message lists the IDs that exist. */
    public static final class UnknownRuleException extends IllegalArgumentException {
        UnknownRuleException(String id, String known) {
            super("unknown rule ID '" + id + "'; known rules: " + known + " (see 'vigil rules')");
        }
    }
}
