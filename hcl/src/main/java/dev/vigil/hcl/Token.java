package dev.vigil.hcl;

/**
 * A lexical token. For identifiers and numbers {@code text} is the token text; for a heredoc it is
 * the raw body and {@code indented} tells whether it was opened with {@code <<-}.
 */
record Token(TokenType type, String text, int start, int end, SourcePos pos, boolean indented) {
    String describe() {
        return switch (type) {
            case IDENT -> "'" + text + "'";
            case NUMBER -> "number " + text;
            default -> type.display;
        };
    }
}
