package dev.vigil.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A self-contained page: inline styles, no script, and a Content-Security-Policy that forbids every request
 * (scripts, fonts, images other than {@code data:}, frames, forms), so a page that is mailed or opened from disk
 * shows the same and reaches out nowhere.
 */
public final class Page {

    /** Inline styles only; images only inline {@code data:}; nothing else may load, connect or submit. */
    public static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

    private static final String CSS = read("vigil.css");

    private Page() {
    }

    /** Everything up to the opening {@code <body>}. */
    public static void start(HtmlWriter html, String title) {
        html.markup(Markup.trusted("<!DOCTYPE html>\n")).open("html", "lang", "en").newline().open("head").newline();
        html.open("meta", "charset", "utf-8").newline();
        html.open("meta", "http-equiv", "Content-Security-Policy", "content", CONTENT_SECURITY_POLICY).newline();
        html.open("meta", "name", "referrer", "content", "no-referrer").newline();
        html.open("meta", "name", "viewport", "content", "width=device-width, initial-scale=1").newline();
        html.element("title", title).newline();
        html.open("style").markup(Markup.trusted(CSS)).close("style").newline();
        html.close("head").newline().open("body").newline();
    }

    public static void end(HtmlWriter html) {
        html.close("body").newline().close("html").newline();
        html.flush();
    }

    /** The shared styles, for pages that compose their own head. */
    public static Markup styles() {
        return Markup.trusted(CSS);
    }

    private static String read(String name) {
        try (InputStream in = Page.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
