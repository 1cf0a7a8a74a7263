package dev.vigil.hcl;

/**
 * A comment with its delimiters removed. {@code standalone} is true when nothing but whitespace
 * precedes it on its line.
 */
public record Comment(String text, int line, int column, boolean standalone) {
}
