package dev.vigil.core.check;

/**
 * Text from a template, a file name or AWS made safe to print on one line of a terminal: control characters (which
 * can carry escape sequences), lone surrogates and the bidirectional overrides that reorder what is shown are
 * escaped as Java writes them in strings (a newline as backslash-n, ESC as backslash-u001b).
 */
public final class Printable {

    private Printable() {
    }

    /** {@code text} with what would not print as itself escaped; null stays null. */
    public static String of(String text) {
        if (text == null || text.codePoints().noneMatch(Printable::escaped)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (escaped(c)) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    private static boolean escaped(int c) {
        return Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE
                || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069;
    }
}
