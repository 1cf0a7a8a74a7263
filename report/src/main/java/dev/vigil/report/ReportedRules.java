package dev.vigil.report;

import dev.vigil.core.check.Check;
import dev.vigil.core.rule.RuleDefinition;
import dev.vigil.core.rule.RuleMeta;
import dev.vigil.report.html.Articles;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rules a report describes: those that were run, or, when the caller did not say, those the checks name. Texts
 * drawn from an article are parsed once per rule, as formats that write them per check ask for them per check.
 */
final class ReportedRules {

    private final Map<String, RuleMeta> rules = new LinkedHashMap<>();
    private final Map<String, String> articles = new LinkedHashMap<>();
    private final Map<String, String> texts = new HashMap<>();

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
        return text(rule, "summary", a -> Articles.firstParagraph(a, "What it checks"), rule.title());
    }

    /** The first steps of the article's "Remediation" section, on one line, or the title. */
    String recommendation(RuleMeta rule) {
        return text(rule, "recommendation", a -> Articles.firstBlock(a, "Remediation"), rule.title());
    }

    /** The article's "Remediation" section as plain text, or a pointer to {@code vigil explain}. */
    String remediation(RuleMeta rule) {
        return text(rule, "remediation", a -> Articles.sectionText(a, "Remediation"),
                "See 'vigil explain " + rule.id() + "'.");
    }

    private String text(RuleMeta rule, String kind, Function<String, Optional<String>> fromArticle, String otherwise) {
        return texts.computeIfAbsent(rule.id() + "|" + kind,
                k -> article(rule.id()).flatMap(fromArticle).orElse(otherwise));
    }
}
