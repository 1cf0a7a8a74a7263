package dev.vigil.report;

import dev.vigil.core.check.Check;
import dev.vigil.core.rule.RuleDefinition;
import dev.vigil.core.rule.RuleMeta;
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
        return article(rule.id()).flatMap(ReportedRules::whatItChecks).orElse(rule.title());
    }

    private static Optional<String> whatItChecks(String article) {
        int heading = article.indexOf("## What it checks\n");
        if (heading < 0) {
            return Optional.empty();
        }
        String rest = article.substring(heading + "## What it checks\n".length()).stripLeading();
        int end = rest.indexOf("\n\n");
        String paragraph = (end < 0 ? rest : rest.substring(0, end)).replace('\n', ' ').strip();
        return paragraph.isEmpty() || paragraph.startsWith("#") ? Optional.empty() : Optional.of(paragraph);
    }
}
