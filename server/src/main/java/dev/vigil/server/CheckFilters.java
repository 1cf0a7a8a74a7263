package dev.vigil.server;

import dev.vigil.core.check.Status;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Risk;
import dev.vigil.store.CheckQuery;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Conformity's check filters ({@code filter[accountIds]=A,B}, {@code filter[riskLevels]}, …) and paging
 * ({@code page[size]} up to 1000, {@code page[number]} from 0), read into a store query. The API and the dashboard's
 * check list read the same parameters, so a dashboard link and an API call select the same checks. A value that
 * cannot be right is a 400 naming the filter and what it accepts.
 */
final class CheckFilters {

    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 1000;
    /** Conformity pages through at most the first 10,000 results of a query. */
    static final int MAX_RESULTS = 10_000;

    static final List<String> NAMES = List.of("accountIds", "ruleIds", "regions", "statuses", "riskLevels",
            "categories", "compliances", "services", "suppressed");

    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+|global");

    /** The selection and the page asked for. */
    record Selection(CheckQuery query, int pageSize, int pageNumber, Map<String, String> filters) {

        long offset() {
            return (long) pageSize * pageNumber;
        }
    }

    private CheckFilters() {
    }

    /**
     * Reads the filters and paging of a query string.
     *
     * @param params  the query parameters
     * @param others  other parameters the caller reads itself (the dashboard's sort); any other is a 400
     */
    static Selection parse(Map<String, List<String>> params, CatalogIndex catalog, Set<String> others) {
        CheckQuery query = CheckQuery.ALL;
        Set<String> rules = null;
        Map<String, String> filters = new LinkedHashMap<>();
        int size = DEFAULT_PAGE_SIZE;
        int number = 0;
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            String key = param.getKey();
            List<String> values = split(param.getValue());
            if (key.equals("page[size]")) {
                size = integer(key, param.getValue(), 1, MAX_PAGE_SIZE);
                continue;
            }
            if (key.equals("page[number]")) {
                number = integer(key, param.getValue(), 0, MAX_RESULTS);
                continue;
            }
            if (others.contains(key)) {
                continue;
            }
            if (!key.startsWith("filter[") || !key.endsWith("]")) {
                throw ApiError.badRequest("unknown query parameter '" + key + "'; checks are selected with filter[NAME] ("
                        + String.join(", ", NAMES) + ") and paged with page[size] and page[number]");
            }
            String name = key.substring("filter[".length(), key.length() - 1);
            if (values.isEmpty()) {
                continue;   // an empty filter, as a form sends it, selects everything
            }
            filters.put(name, String.join(",", values));
            switch (name) {
                case "accountIds" -> query = query.withAccounts(each(key, values,
                        v -> ACCOUNT.matcher(v).matches() ? v : null, "12-digit AWS account IDs"));
                case "regions" -> query = query.withRegions(each(key, values,
                        v -> REGION.matcher(v).matches() ? v : null, "region names like us-east-1"));
                case "statuses" -> query = query.withStatuses(each(key, values, CheckFilters::status,
                        Arrays.stream(Status.values()).map(Enum::name).collect(Collectors.joining(", "))));
                case "riskLevels" -> query = query.withRisks(each(key, values, CheckFilters::risk,
                        Arrays.stream(Risk.values()).map(Enum::name).collect(Collectors.joining(", "))));
                case "ruleIds" -> rules = intersect(rules, each(key, values,
                        v -> catalog.find(v).map(r -> r.meta().id()).orElse(null), "rule IDs of 'vigil rules'"));
                case "categories" -> rules = intersect(rules, union(each(key, values,
                        v -> CatalogIndex.category(v).orElse(null),
                        Arrays.stream(Category.values()).map(Category::slug).collect(Collectors.joining(", "))),
                        catalog::rulesOfCategory));
                case "compliances" -> rules = intersect(rules, union(each(key, values,
                        v -> catalog.standard(v).orElse(null), String.join(", ", catalog.standards())),
                        catalog::rulesOfStandard));
                case "services" -> rules = intersect(rules, union(each(key, values,
                        v -> catalog.services().stream().filter(s -> s.equalsIgnoreCase(v)).findFirst().orElse(null),
                        String.join(", ", catalog.services())), catalog::rulesOfService));
                case "suppressed" -> {
                    String v = values.getFirst().toLowerCase(Locale.ROOT);
                    if (values.size() > 1 || !(v.equals("true") || v.equals("false"))) {
                        throw ApiError.badRequest(key + ": expected true or false, not '" + String.join(",", values) + "'");
                    }
                    query = query.withSuppressed(Boolean.parseBoolean(v));
                }
                default -> throw ApiError.badRequest("unknown filter '" + key + "'; the filters are "
                        + NAMES.stream().map(n -> "filter[" + n + "]").collect(Collectors.joining(", ")));
            }
        }
        if ((long) size * (number + 1) > MAX_RESULTS) {
            throw ApiError.badRequest("page[number]: only the first " + MAX_RESULTS + " checks of a query can be paged "
                    + "through (page " + number + " of size " + size + " goes past them); narrow the filters");
        }
        return new Selection(rules == null ? query : query.withRuleIds(rules), size, number, filters);
    }

    /** Comma-separated values, repeated parameters allowed, blanks dropped. */
    private static List<String> split(List<String> raw) {
        return raw.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::trim).filter(v -> !v.isEmpty())
                .toList();
    }

    private static <T> Set<T> each(String key, List<String> values, Function<String, T> read, String expected) {
        Set<T> out = new LinkedHashSet<>();
        for (String value : values) {
            T parsed = read.apply(value);
            if (parsed == null) {
                throw ApiError.badRequest(key + ": '" + value + "' is not valid here; expected " + expected);
            }
            out.add(parsed);
        }
        return out;
    }

    private static <T> Set<String> union(Set<T> values, Function<T, Set<String>> rules) {
        Set<String> out = new LinkedHashSet<>();
        values.forEach(v -> out.addAll(rules.apply(v)));
        return out;
    }

    private static Set<String> intersect(Set<String> current, Set<String> more) {
        if (current == null) {
            return more;
        }
        Set<String> out = new LinkedHashSet<>(current);
        out.retainAll(more);
        return out;
    }

    private static Status status(String text) {
        try {
            return Status.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Risk risk(String text) {
        try {
            return Risk.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The one whole number of a query parameter, from {@code min} to {@code max}; anything else is a 400 naming it. */
    static int integer(String key, List<String> values, int min, int max) {
        try {
            int n = Integer.parseInt(values.getFirst().trim());
            if (values.size() == 1 && n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw ApiError.badRequest(key + ": expected a whole number from " + min + " to " + max + ", not '"
                + String.join(",", values) + "'");
    }
}
