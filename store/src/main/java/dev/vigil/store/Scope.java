package dev.vigil.store;

import dev.vigil.core.rule.RuleMeta;
import java.util.List;
import java.util.Set;

/**
 * What one job looked at: an account and region, the rules it ran, and optionally only some resources (an
 * event re-check). Checks of this scope that the job did not produce are resolved as gone, unless a fault of
 * the job covers what their rule reads.
 *
 * @param resources resource IDs (ARNs) the job was limited to; empty for every resource
 */
public record Scope(String account, String region, List<RuleMeta> rules, Set<String> resources) {

    public Scope {
        rules = List.copyOf(rules);
        resources = Set.copyOf(resources);
    }

    public Scope(String account, String region, List<RuleMeta> rules) {
        this(account, region, rules, Set.of());
    }
}
