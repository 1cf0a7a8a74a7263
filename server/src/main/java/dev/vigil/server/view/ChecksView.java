package dev.vigil.server.view;

import java.util.List;
import java.util.Map;

/**
 * The check list: the filters as given (to fill the form), one page of rows, and links to other orders and pages.
 *
 * @param filters filter name → comma-separated values, as in {@code filter[NAME]}
 * @param query   the query string of the current selection without paging and order, for links
 */
public record ChecksView(Frame frame, Map<String, String> filters, List<CheckRow> rows, long total, int page, int pageSize,
                         String sort, boolean descending, String query, Choices choices) {

    public long pages() {
        return Math.max(1, (total + pageSize - 1) / pageSize);
    }

    /** What the filter form offers. */
    public record Choices(List<String> accounts, List<String> rules, List<String> regions, List<String> statuses,
                          List<String> risks, List<String> categories, List<String> standards) {
    }
}
