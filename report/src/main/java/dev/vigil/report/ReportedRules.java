package dev.vigil.report;

import dev.vigil.core.check.Check;
import dev.vigil.core.rule.RuleDefinition;
import dev.vigil.core.rule.RuleMeta;
import dev.vigil.report.html.Articles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rules a report describes: those that were run, or, when the caller did not say, those the checks name. */
final class ReportedRules {

    private final Map<String, RuleMeta> rules = new LinkedHashMap<>();
    private final Map<String, String> articles = new LinkedHashMap<>();

    ReportedRules(List<RuleDefinition> run, List<Check> checks) {
        for (RuleDefinition rule : run) {
            rules.put(rule.meta().id(), rule.meta());
            String article = rule.article();
            if (article != null) {
                articles.put(rule.meta().id(), article);
            }
        }
        checks.forEach(c -> rules.putIfAbsent(c.rule().id(), c.rule()));
    }

    /** In the order they were run, then in the order of the checks. */
    List<RuleMeta> all() {
        return List.copyOf(rules.values());
    }

    Optional<String> article(String ruleId) {
        return Optional.ofNullable(articles.get(ruleId));
    }

    /** The article's first paragraph under "What it checks", or the title. */
    String summary(RuleMeta rule) {
        return article(rule.id()).flatMap(a -> Articles.firstParagraph(a, "What it checks")).orElse(rule.title());
    }

    /** The first steps of the article's "Remediation" section, on one line, or the title. */
    String recommendation(RuleMeta rule) {
        return article(rule.id()).flatMap(a -> Articles.firstBlock(a, "Remediation")).orElse(rule.title());
    }

    /** The article's "Remediation" section as plain text, or a pointer to {@code vigil explain}. */
    String remediation(RuleMeta rule) {
        return article(rule.id()).flatMap(a -> Articles.sectionText(a, "Remediation"))
                .orElse("See 'vigil explain " + rule.id() + "'.");
    }
}
