package dev.vigil.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one channel's settings and collects one line per problem (naming the channel and the setting) rather
 * than stopping at the first. Secret values are never echoed in a problem.
 */
final class Settings {

    private static final Pattern LOOPBACK_V4 = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private final ChannelConfig config;
    private final Set<String> read = new LinkedHashSet<>();
    private final List<String> problems = new ArrayList<>();

    Settings(ChannelConfig config) {
        this.config = config;
    }

    void problem(String key, String what) {
        problems.add("channel '" + Text.line(config.name()) + "' (" + config.type() + "): " + key + ": " + what);
    }

    /** A required string; null (and a problem) when absent or blank. */
    String string(String key) {
        String value = optionalString(key);
        if (value == null) {
            problem(key, "missing");
        }
        return value;
    }

    /** A string, or null when absent or blank. */
    String optionalString(String key) {
        Object value = raw(key);
        if (value == null || value instanceof String s && s.isBlank()) {
            return null;
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString().trim();
        }
        problem(key, "must be a single value, not a list or a map");
        return null;
    }

    int integer(String key, int absent, int min, int max) {
        String value = optionalString(key);
        if (value == null) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(key, "must be a whole number from " + min + " to " + max + ", not " + shown(key, value));
        return absent;
    }

    /** One of {@code choices} (case-insensitive), or {@code absent}. */
    String choice(String key, String absent, List<String> choices) {
        String value = optionalString(key);
        if (value == null) {
            return absent;
        }
        String lower = value.toLowerCase(java.util.Locale.ROOT);
        if (choices.contains(lower)) {
            return lower;
        }
        problem(key, "must be one of " + String.join(", ", choices) + ", not " + shown(key, value));
        return absent;
    }

    /** A non-empty list of strings; a single string counts as a list of one. */
    List<String> strings(String key) {
        Object value = raw(key);
        List<String> out = new ArrayList<>();
        if (value instanceof String s && !s.isBlank()) {
            out.add(s.trim());
        } else if (value instanceof List<?> list) {
            for (Object v : list) {
                if (v instanceof String s && !s.isBlank()) {
                    out.add(s.trim());
                } else {
                    problem(key, "every entry must be a text value");
                    return List.of();
                }
            }
        }
        if (out.isEmpty()) {
            problem(key, "missing (one value or a list)");
        }
        return out;
    }

    /** A map of text values, empty when absent. */
    Map<String, String> stringMap(String key) {
        Object value = raw(key);
        Map<String, String> out = new LinkedHashMap<>();
        if (value == null) {
            return out;
        }
        if (!(value instanceof Map<?, ?> map)) {
            problem(key, "must be a map of names to values");
            return out;
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (e.getValue() instanceof String || e.getValue() instanceof Number || e.getValue() instanceof Boolean) {
                out.put(String.valueOf(e.getKey()), e.getValue().toString());
            } else {
                problem(key, "'" + Text.line(String.valueOf(e.getKey())) + "' must have a text value");
            }
        }
        return out;
    }

    /** A required https URL; http only to a loopback address, which is for tests and local relays. */
    URI secureUrl(String key) {
        URI url = url(key, string(key));
        if (url != null && !"https".equals(url.getScheme()) && !isLoopback(url.getHost())) {
            problem(key, "must be an https URL (http is accepted only for 127.0.0.1, [::1] or localhost)");
            return null;
        }
        return url;
    }

    /** An optional http(s) URL, or null. */
    URI optionalUrl(String key) {
        return url(key, optionalString(key));
    }

    private URI url(String key, String text) {
        if (text == null) {
            return null;
        }
        try {
            URI url = new URI(text);
            if (("https".equals(url.getScheme()) || "http".equals(url.getScheme())) && url.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below, without the value: a URL may carry a token
        }
        problem(key, "is not an absolute http(s) URL");
        return null;
    }

    static boolean isLoopback(String host) {
        return host != null && (host.equalsIgnoreCase("localhost") || host.equals("[::1]")
                || LOOPBACK_V4.matcher(host).matches());
    }

    /** Reports settings that no reader asked for (typos), then throws when anything was wrong. */
    void done() throws InvalidChannelException {
        config.settings().keySet().stream().filter(k -> !read.contains(k)).forEach(k ->
                problem(Text.line(k), "unknown setting for type " + config.type() + " (known: " + String.join(", ", read)
                        + ")"));
        if (!problems.isEmpty()) {
            throw new InvalidChannelException(problems);
        }
    }

    private Object raw(String key) {
        read.add(key);
        return config.settings().get(key);
    }

    /** A value quoted for a problem line, unless its setting is a secret. */
    private static String shown(String key, String value) {
        return ChannelConfig.SECRET_KEYS.contains(key) ? "the value given" : "'" + Text.clip(Text.line(value), 60) + "'";
    }
}
