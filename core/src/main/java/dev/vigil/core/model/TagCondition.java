package dev.vigil.core.model;

import java.util.Map;

/** A tag test of a backup selection, as AWS Backup defines it. */
public record TagCondition(Operator operator, String key, String value) {

    public enum Operator {
        STRING_EQUALS, STRING_LIKE, STRING_NOT_EQUALS, STRING_NOT_LIKE;

        /** Parses AWS's spelling: {@code StringEquals}, {@code STRINGEQUALS}, ... */
        public static Operator parse(String text) {
            String compact = text.replace("_", "").toUpperCase(java.util.Locale.ROOT);
            for (Operator op : values()) {
                if (op.name().replace("_", "").equals(compact)) {
                    return op;
                }
            }
            throw new IllegalArgumentException("unknown tag condition operator: " + text);
        }
    }

    private static final String RESOURCE_TAG_PREFIX = "aws:ResourceTag/";

    /** Builds a condition from AWS Backup's form, where keys may be written {@code aws:ResourceTag/KEY}. */
    public static TagCondition of(Operator operator, String conditionKey, String value) {
        String key = conditionKey.startsWith(RESOURCE_TAG_PREFIX)
                ? conditionKey.substring(RESOURCE_TAG_PREFIX.length()) : conditionKey;
        return new TagCondition(operator, key, value);
    }

    /** Whether a resource with these tags satisfies this condition. */
    public boolean test(Map<String, String> tags) {
        String actual = tags.get(key);
        return switch (operator) {
            case STRING_EQUALS -> value.equals(actual);
            case STRING_LIKE -> actual != null && Wildcard.matches(value, actual);
            case STRING_NOT_EQUALS -> !value.equals(actual);
            case STRING_NOT_LIKE -> actual == null || !Wildcard.matches(value, actual);
        };
    }
}
