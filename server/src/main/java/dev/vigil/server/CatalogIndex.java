package dev.vigil.server;

import dev.vigil.core.rule.Catalog;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.RuleDefinition;
import dev.vigil.core.rule.RuleMeta;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalog as the server reads it: rules by ID, and which rules a category, a compliance standard or a service
 * names. Everything comes from the rules' metadata, so a new rule appears in the API and the dashboard by itself.
 */
final class CatalogIndex {

    private final Catalog catalog;
    private final Map<String, RuleDefinition> byId;

    CatalogIndex(Catalog catalog) {
        this.catalog = catalog;
        this.byId = catalog.all().stream().collect(Collectors.toMap(r -> r.meta().id(), Function.identity(),
                (a, b) -> a, LinkedHashMap::new));
    }

    Catalog catalog() {
        return catalog;
    }

    List<RuleDefinition> all() {
        return catalog.all();
    }

    /** The rule with this ID (exact, as stored checks name it). */
    Optional<RuleDefinition> rule(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    Optional<RuleMeta> meta(String id) {
        return rule(id).map(RuleDefinition::meta);
    }

    /** The rule whose ID this is, in any case, or empty. */
    Optional<RuleDefinition> find(String id) {
        return byId.values().stream().filter(r -> r.meta().id().equalsIgnoreCase(id.trim())).findFirst();
    }

    /** The compliance standards the rules map to, sorted. */
    Set<String> standards() {
        return all().stream().flatMap(r -> r.meta().compliances().stream()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The standard of this name in the catalog's spelling, in any case. */
    Optional<String> standard(String name) {
        return standards().stream().filter(s -> s.equalsIgnoreCase(name.trim())).findFirst();
    }

    Set<String> services() {
        return all().stream().map(r -> r.meta().service()).collect(Collectors.toCollection(TreeSet::new));
    }

    Set<String> rulesOfStandard(String standard) {
        return ids(m -> m.compliances().contains(standard));
    }

    Set<String> rulesOfCategory(Category category) {
        return ids(m -> m.categories().contains(category));
    }

    Set<String> rulesOfService(String service) {
        return ids(m -> m.service().equalsIgnoreCase(service));
    }

    static Optional<Category> category(String slug) {
        String wanted = slug.trim().toLowerCase(Locale.ROOT);
        return java.util.Arrays.stream(Category.values()).filter(c -> c.slug().equals(wanted)).findFirst();
    }

    private Set<String> ids(java.util.function.Predicate<RuleMeta> test) {
        return all().stream().map(RuleDefinition::meta).filter(test).map(RuleMeta::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
