package dev.vigil.core.rule;

/** A rule with its metadata and knowledge-base article, as the catalog holds it. */
public record RuleDefinition(RuleMeta meta, Rule rule) {

    public static RuleDefinition of(Rule rule) {
        return new RuleDefinition(RuleMeta.of(rule.getClass()), rule);
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
