package dev.vigil.report.html;

/**
 * A fragment of HTML that is safe to write as it is: made only by this package (escaped text, rendered
 * articles, charts), so a value from AWS or a template can reach a page only through escaping.
 */
public final class Markup {

    private final String html;

    private Markup(String html) {
        this.html = html;
    }

    /** Text, escaped. */
    public static Markup text(String text) {
        return new Markup(HtmlWriter.escape(text));
    }

    /** Markup this package built itself. */
    static Markup trusted(String html) {
        return new Markup(html);
    }

    public String html() {
        return html;
    }

    @Override
    public String toString() {
        return html;
    }
}
