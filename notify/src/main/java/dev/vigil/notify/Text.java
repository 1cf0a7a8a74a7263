package dev.vigil.notify;

/**
 * Escaping for every format a channel writes. Values that come from AWS, a template or the config file pass
 * through one of these before they are written; JSON is escaped by Jackson.
 */
final class Text {

    /** Longest value a human-readable format shows; longer ones are cut and end with an ellipsis. */
    static final int MAX_VALUE = 300;

    private Text() {
    }

    /** On one line: control characters (line breaks among them) become spaces. Null becomes empty. */
    static String line(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) || c == 0x2028 || c == 0x2029
                ? ' ' : c));
        return out.toString();
    }

    static String clip(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 2)) ? max - 2 : max - 1;
        return value.substring(0, end) + "…";
    }

    /** For plain text: one line, clipped. */
    static String plain(String value) {
        return clip(line(value), MAX_VALUE);
    }

    /** For HTML element content and quoted attribute values. */
    static String html(String value) {
        String v = plain(value);
        StringBuilder out = new StringBuilder(v.length() + 16);
        for (char c : v.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * For Slack mrkdwn: Slack's three control characters become entities, so a value can neither open a link
     * or a mention ({@code <!channel>}) nor break one.
     */
    static String slack(String value) {
        return plain(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** For Slack mrkdwn inside an inline code span, which a backquote would end. */
    static String slackCode(String value) {
        return "`" + slack(value).replace('`', '\'') + "`";
    }
}
