package dev.vigil.cli;

import dev.vigil.core.rule.Catalog;

/** Small text helpers for the store's table listings. */
final class Text {

    /** A column of rule IDs fits the catalog's longest (e.g. Vigil-ElastiCache-001), as listings stream. */
    static final String RULE_COLUMN = "%-" + Catalog.load().all().stream()
            .mapToInt(r -> r.meta().id().length()).max().orElse(12) + "s";

    private Text() {
    }

    /** The text cut to {@code width} with an ellipsis; empty for null. */
    static String cut(String text, int width) {
        if (text == null) {
            return "";
        }
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
