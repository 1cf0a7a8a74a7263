package dev.vigil.store;

import dev.vigil.core.rule.RuleMeta;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one job looked at: an account and region, the rules it ran, and for some rules only some resources (an
 * event re-check). Checks of this scope that the job did not produce are resolved as gone, unless a fault of the
 * job covers what their rule reads.
 *
 * @param resources rule ID → the resources (names, or ARNs) the job was limited to for that rule; a rule not in
 *                  the map covers every resource of the region
 */
public record Scope(String account, String region, List<RuleMeta> rules, Map<String, Set<String>> resources) {

    public Scope {
        rules = List.copyOf(rules);
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        resources.forEach((rule, names) -> copy.put(rule, Set.copyOf(names)));
        resources = java.util.Collections.unmodifiableMap(copy);
    }

    /** Every resource of the region, for every rule. */
    public Scope(String account, String region, List<RuleMeta> rules) {
        this(account, region, rules, Map.of());
    }

    /** Whether a stored check of {@code ruleId} on this resource (its ARN or ID, and its name) is in the scope. */
    boolean covers(String ruleId, String resource, String resourceName) {
        Set<String> only = resources.get(ruleId);
        return only == null || only.contains(resource) || resourceName != null && only.contains(resourceName);
    }
}
