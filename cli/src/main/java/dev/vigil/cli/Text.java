package dev.vigil.cli;

/** Small text helpers for the store's table listings. */
final class Text {

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
