package dev.vigil.notify;

import java.util.Map;
import java.util.TreeSet;

/**
 * A channel as the service's config file declares it: its name, type (slack, webhook, email, sns), filter, and
 * the type's own settings (e.g. {@code url}, {@code secret}, {@code headers}), with {@code ${env:NAME}} already
 * replaced by the environment's value. Settings hold strings, lists and maps as YAML gives them. They may be
 * secret, so {@link #toString()} names the settings without their values.
 */
public record ChannelConfig(String name, String type, ChannelFilter filter, Map<String, Object> settings) {

    public ChannelConfig {
        settings = Map.copyOf(settings);
    }

    @Override
    public String toString() {
        return "ChannelConfig[name=" + name + ", type=" + type + ", filter=" + filter + ", settings="
                + new TreeSet<>(settings.keySet()) + " (values redacted)]";
    }
}
