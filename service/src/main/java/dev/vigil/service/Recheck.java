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
        return new Gathering(this).add(other).recheck();
    }

    /**
     * Re-checks of one account and region merged as they come, each in time proportional to its own size (a burst
     * merges thousands), with {@link #merge}'s meaning. Not thread-safe.
     */
    public static final class Gathering {

        private final String accountId;
        private final String region;
        private final Set<String> rules = new LinkedHashSet<>();
        private final Set<String> whole = new LinkedHashSet<>();
        private final Map<String, Set<String>> names = new LinkedHashMap<>();

        public Gathering(Recheck first) {
            this.accountId = first.accountId;
            this.region = first.region;
            add(first);
        }

        public Gathering add(Recheck r) {
            if (!accountId.equals(r.accountId) || !region.equals(r.region)) {
                throw new IllegalArgumentException("re-checks of different regions cannot be merged");
            }
            for (String rule : r.rules) {
                boolean known = !rules.add(rule);
                Set<String> only = r.resources.get(rule);
                if (only == null || whole.contains(rule) || known && !names.containsKey(rule)) {
                    whole.add(rule);   // one of them re-checks the whole region for this rule
                    names.remove(rule);
                } else {
                    names.computeIfAbsent(rule, k -> new LinkedHashSet<>()).addAll(only);
                }
            }
            return this;
        }

        public Recheck recheck() {
            return new Recheck(accountId, region, rules, names);
        }
    }

    /** How many resources it names (a whole-region rule counts as one), for log lines. */
    public int size() {
        return rules.size() - resources.size() + resources.values().stream().mapToInt(Set::size).sum();
    }
}
