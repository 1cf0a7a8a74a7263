package dev.vigil.report.html;

import dev.vigil.core.rule.Risk;
import java.util.Locale;

/** Class names the shared styles (see {@link Page}) define, for pages that colour what they show the same way. */
public final class Css {

    private Css() {
    }

    /** {@code risk-very-high} and so on: a badge's background, a chart bar's fill. */
    public static String risk(Risk risk) {
        return "risk-" + risk.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code order-N}: where a section sits on a page written as a stream (0 first). */
    public static String order(int place) {
        return "order-" + place;
    }
}
