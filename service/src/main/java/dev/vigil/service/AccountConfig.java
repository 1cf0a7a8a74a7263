package dev.vigil.service;

import dev.vigil.core.rule.RuleConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An account the service re-checks on a schedule, and how to reach it: the caller's credentials (the default),
 * a profile, or a role assumed with them (optionally with an external ID).
 *
 * @param regions     the regions to scan; empty for every region enabled for the account
 * @param endpointUrl an emulator's endpoint, or null
 * @param rules       per-rule configuration (rule ID → config); rules not named run with their defaults
 */
public record AccountConfig(String id, String name, String profile, String roleArn, String externalId,
                            List<String> regions, Duration schedule, URI endpointUrl, Map<String, RuleConfig> rules) {

    public AccountConfig {
        regions = List.copyOf(regions);
        rules = Map.copyOf(rules);
    }

    /** The name to show: the configured one, else the ID. */
    public String label() {
        return name != null ? name : id;
    }
}
