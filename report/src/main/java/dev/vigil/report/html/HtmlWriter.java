package dev.vigil.report.html;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.regex.Pattern;

/**
 * Writes HTML elements to a stream. Text and attribute values are always escaped; only {@link Markup} is
 * written as it is. Tag and attribute names are the caller's constants and are checked.
 */
public final class HtmlWriter {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    private final Writer out;

    public HtmlWriter(Writer out) {
        this.out = out;
    }

    /** {@code <tag name="value" ...>}; {@code attributes} are name, value pairs; a null value is left out. */
    public HtmlWriter open(String tag, String... attributes) {
        write("<").write(name(tag));
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs: " + String.join(", ", attributes));
        }
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                write(" ").write(name(attributes[i])).write("=\"").write(escape(attributes[i + 1])).write("\"");
            }
        }
        return write(">");
    }

    public HtmlWriter close(String tag) {
        return write("</").write(name(tag)).write(">");
    }

    /** An element holding escaped text. */
    public HtmlWriter element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    public HtmlWriter text(String text) {
        return write(escape(text));
    }

    public HtmlWriter markup(Markup markup) {
        return write(markup.html());
    }

    public HtmlWriter newline() {
        return write("\n");
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HtmlWriter write(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private static String name(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not an HTML name: " + name);
        }
        return name;
    }

    /**
     * Text safe in element content and in quoted attribute values. Characters HTML forbids (controls other than
     * tab and line breaks, lone surrogates, noncharacters) become U+FFFD.
     */
    public static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> s.appendCodePoint(allowed(cp) ? cp : 0xFFFD);
            }
        });
        return s.toString();
    }

    private static boolean allowed(int cp) {
        boolean control = cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r' || cp >= 0x7F && cp <= 0x9F;
        boolean surrogate = cp >= 0xD800 && cp <= 0xDFFF;
        boolean nonCharacter = cp >= 0xFDD0 && cp <= 0xFDEF || (cp & 0xFFFE) == 0xFFFE;
        return !control && !surrogate && !nonCharacter;
    }
}
