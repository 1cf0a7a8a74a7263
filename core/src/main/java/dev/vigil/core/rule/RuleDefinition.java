package dev.vigil.core.rule;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A rule with its metadata, the values of its settings and its exceptions, as the catalog holds it (defaults) or
 * as a {@link RuleConfig} configures it.
 *
 * @param settings setting name → typed value (see {@link Setting#parse})
 */
public record RuleDefinition(RuleMeta meta, Rule rule, Map<String, Object> settings,
                             RuleConfig.Exceptions exceptions) {

    public RuleDefinition {
        settings = Map.copyOf(settings);
    }

    /** The rule with its default settings and no exceptions. */
    public RuleDefinition(RuleMeta meta, Rule rule) {
        this(meta, rule, meta.settings().stream().collect(Collectors.toMap(Setting::name, Setting::defaultValue)),
                RuleConfig.Exceptions.NONE);
    }

    public static RuleDefinition of(Rule rule) {
        return new RuleDefinition(RuleMeta.of(rule.getClass()), rule);
    }

    /**
     * This rule as {@code config} sets it up: its risk, settings and exceptions. A setting the rule does not have, or
     * a value of the wrong type, is an {@link IllegalArgumentException} naming the rule and the setting.
     */
    public RuleDefinition configure(RuleConfig config) {
        Map<String, Object> values = new LinkedHashMap<>(settings);
        config.settings().forEach((name, text) -> {
            Setting setting = meta.setting(name).orElseThrow(() -> new IllegalArgumentException(meta.id()
                    + " has no setting '" + name + "'" + (meta.settings().isEmpty() ? "; it has no settings"
                    : "; its settings: " + meta.settings().stream().map(Setting::name).collect(Collectors.joining(", ")))));
            values.put(name, setting.parse(meta.id(), text));
        });
        RuleMeta configured = config.risk() == null ? meta : meta.withRisk(config.risk());
        return new RuleDefinition(configured, rule, values, config.exceptions());
    }

    /** The sidecar article beside the rule class ({@code ClassName.md}), or null when it is missing. */
    public String article() {
        Class<?> type = rule.getClass();
        try (var in = type.getResourceAsStream(type.getSimpleName() + ".md")) {
            return in == null ? null : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
