package dev.vigil.notify;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One channel as the config file declares it, secrets already resolved from the environment. Turned into a
 * {@link Channel} by {@link ChannelFactory#create}.
 *
 * @param type     slack, webhook, email or sns
 * @param settings the type's settings as parsed from YAML (strings, numbers, lists, maps)
 */
public record ChannelConfig(String name, String type, ChannelFilter filter, Map<String, Object> settings) {

    /** Settings whose values are secrets: never printed, and only redacted in {@link #toString()}. */
    static final Set<String> SECRET_KEYS = Set.of("url", "secret", "password", "headers");

    public ChannelConfig {
        filter = filter == null ? ChannelFilter.ALL : filter;
        // YAML may give null values (`key:` with nothing after it): Map.copyOf would refuse them
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings == null ? Map.of() : settings));
    }

    /** Secrets show as {@code ***}. */
    @Override
    public String toString() {
        Map<String, Object> shown = new LinkedHashMap<>();
        settings.forEach((k, v) -> shown.put(k, SECRET_KEYS.contains(k) && v != null ? "***" : v));
        return "ChannelConfig[name=" + name + ", type=" + type + ", filter=" + filter + ", settings=" + shown + "]";
    }
}
