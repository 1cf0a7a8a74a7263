package dev.vigil.core.rule;

import dev.vigil.core.model.Wildcard;
import java.util.List;
import java.util.Map;

/**
 * How one account (or one run) configures a rule, as Conformity's rule configuration does: whether it runs, a
 * risk level that replaces the rule's, setting values (as text, parsed by the rule's {@link Setting}s), and
 * exceptions — resources the rule does not judge there.
 *
 * @param risk     replaces the rule's risk level, or null
 * @param settings setting name → value as the user wrote it
 */
public record RuleConfig(boolean enabled, Risk risk, Map<String, String> settings, Exceptions exceptions) {

    public static final RuleConfig DEFAULT = new RuleConfig(true, null, Map.of(), Exceptions.NONE);

    public RuleConfig {
        settings = Map.copyOf(settings);
    }

    public RuleConfig withSetting(String name, String value) {
        Map<String, String> copy = new java.util.LinkedHashMap<>(settings);
        copy.put(name, value);
        return new RuleConfig(enabled, risk, copy, exceptions);
    }

    /**
     * Resources a rule does not judge: by ID pattern (ARN, name, template address; {@code *} and {@code ?}
     * wildcards), or by tag. Their checks are kept, marked suppressed with the matching exception as the reason.
     *
     * @param tags {@code key::value} as Conformity writes them; {@code key::*} matches any value of the key
     */
    public record Exceptions(List<String> resources, List<String> tags) {

        public static final Exceptions NONE = new Exceptions(List.of(), List.of());

        public Exceptions {
            resources = List.copyOf(resources);
            tags = List.copyOf(tags);
            for (String tag : tags) {
                if (!tag.contains("::") || tag.startsWith("::")) {
                    throw new IllegalArgumentException("exception tag '" + tag + "' must be written key::value");
                }
            }
        }

        /** The exception that covers a resource, or null. */
        public String match(String id, String name, Map<String, String> resourceTags) {
            for (String pattern : resources) {
                if (Wildcard.matches(pattern, id) || Wildcard.matches(pattern, name)) {
                    return "resource " + pattern;
                }
            }
            for (String tag : tags) {
                int split = tag.indexOf("::");
                String key = tag.substring(0, split);
                String value = tag.substring(split + 2);
                String actual = resourceTags.get(key);
                if (actual != null && (value.equals("*") || Wildcard.matches(value, actual))) {
                    return "tag " + tag;
                }
            }
            return null;
        }
    }
}
