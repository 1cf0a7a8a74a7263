package dev.vigil.service;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * An event re-check of one account and region: the rules concerned, and for some of them only the named resources.
 * It becomes a run with trigger {@code event}, run by the same job as a scheduled scan of that region.
 *
 * @param rules     the rule IDs to run
 * @param resources rule ID → the only resources (names) to re-check for it; a rule not in the map covers the region
 */
public record Recheck(String accountId, String region, Set<String> rules, Map<String, Set<String>> resources) {

    public Recheck {
        rules = Set.copyOf(rules);
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Set<String>> e : resources.entrySet()) {
            if (!rules.contains(e.getKey())) {
                throw new IllegalArgumentException("resources for " + e.getKey() + ", which is not among the rules");
            }
            copy.put(e.getKey(), Set.copyOf(e.getValue()));
        }
        resources = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * Both re-checks as one (they must be of the same account and region): every rule of either, a rule limited to
     * names only when both limit it (to the names of both), else its whole region.
     */
    public Recheck merge(Recheck other) {
        if (!accountId.equals(other.accountId) || !region.equals(other.region)) {
            throw new IllegalArgumentException("re-checks of different regions cannot be merged");
        }
        Set<String> allRules = new LinkedHashSet<>(rules);
        allRules.addAll(other.rules);
        Map<String, Set<String>> names = new LinkedHashMap<>();
        for (String rule : allRules) {
            boolean here = rules.contains(rule);
            boolean there = other.rules.contains(rule);
            if (here && !resources.containsKey(rule) || there && !other.resources.containsKey(rule)) {
                continue;   // one of them re-checks the whole region for this rule
            }
            Set<String> union = new LinkedHashSet<>(resources.getOrDefault(rule, Set.of()));
            union.addAll(other.resources.getOrDefault(rule, Set.of()));
            names.put(rule, union);
        }
        return new Recheck(accountId, region, allRules, names);
    }

    /** How many resources it names (a whole-region rule counts as one), for log lines. */
    public int size() {
        return rules.size() - resources.size() + resources.values().stream().mapToInt(Set::size).sum();
    }
}
