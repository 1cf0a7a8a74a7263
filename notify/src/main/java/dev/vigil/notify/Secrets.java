package dev.vigil.notify;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The secret values of one channel, so that text from elsewhere (an exception, a server's answer) can be
 * scrubbed of them before it becomes a delivery error.
 */
final class Secrets {

    /** Shorter values would scrub ordinary words; no real secret is this short. */
    private static final int MIN_LENGTH = 4;

    private final List<String> values;

    private Secrets(List<String> values) {
        this.values = values.stream().filter(Objects::nonNull).filter(v -> v.length() >= MIN_LENGTH)
                .sorted((a, b) -> b.length() - a.length()).toList();
    }

    static Secrets of(Collection<String> values) {
        return new Secrets(new ArrayList<>(values));
    }

    /** A URL's secret parts: all of it, its path (Slack's token is there), query and user information. */
    static List<String> urlParts(URI url) {
        List<String> parts = new ArrayList<>(List.of(url.toString()));
        parts.add(url.getRawPath());
        parts.add(url.getPath());
        parts.add(url.getRawQuery());
        parts.add(url.getRawUserInfo());
        return parts;
    }

    /** One line, at most 300 characters, every secret replaced by {@code ***}. */
    String scrub(String text) {
        String out = Text.line(text);
        for (String v : values) {
            out = out.replace(v, "***");
        }
        return Text.clip(out.strip(), Text.MAX_VALUE);
    }
}
