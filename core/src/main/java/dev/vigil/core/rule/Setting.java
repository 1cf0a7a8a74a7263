package dev.vigil.core.rule;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A rule setting as the catalog describes it: name, label, type (with Conformity's type names), default and bounds.
 * {@link #parse} turns a user's text into the typed value a rule reads.
 */
public record Setting(String name, String label, Type type, Object defaultValue, long min, long max) {

    /** The setting types Vigil's rules use, named as Conformity names them. */
    public enum Type {
        INTEGER("single-number-value"), STRING("single-string-value"), STRINGS("multiple-string-values");

        private final String conformityName;

        Type(String conformityName) {
            this.conformityName = conformityName;
        }

        public String conformityName() {
            return conformityName;
        }
    }

    static Setting of(String ruleId, RuleSetting declared) {
        Setting unchecked = new Setting(declared.name(), declared.label(), declared.type(), null, declared.min(),
                declared.max());
        return new Setting(declared.name(), declared.label(), declared.type(), unchecked.parse(ruleId, declared.value()),
                declared.min(), declared.max());
    }

    /**
     * The typed value of {@code text}: a {@code Long} (INTEGER), a {@code String}, or a {@code List<String>} (STRINGS,
     * comma-separated). A value of the wrong type or out of bounds is an {@link IllegalArgumentException} naming the
     * rule, the setting and what is expected.
     */
    public Object parse(String ruleId, String text) {
        String where = ruleId + "." + name;
        return switch (type) {
            case INTEGER -> {
                long n;
                try {
                    n = Long.parseLong(text.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + " must be a whole number, not '" + text + "'");
                }
                if (n < min || n > max) {
                    throw new IllegalArgumentException(where + " must be between " + min + " and " + max + ", not " + n);
                }
                yield n;
            }
            case STRING -> text;
            case STRINGS -> Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        };
    }

    /** The value as a user would write it back, for listings. */
    public static String show(Object value) {
        return value instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
                : String.valueOf(value);
    }

    /** How listings describe the type, e.g. {@code integer 1..35}. */
    public String describeType() {
        String kind = type.name().toLowerCase(Locale.ROOT);
        if (type != Type.INTEGER || (min == Long.MIN_VALUE && max == Long.MAX_VALUE)) {
            return kind;
        }
        return kind + " " + (min == Long.MIN_VALUE ? "" : min) + ".." + (max == Long.MAX_VALUE ? "" : max);
    }
}
