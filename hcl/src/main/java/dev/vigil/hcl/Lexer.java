package dev.vigil.hcl;

import java.util.List;

/**
 * An on-demand lexer. The parser pulls one token at a time and, inside quoted templates, reads
 * characters directly, so the lexer never runs ahead of the parser into template text.
 */
final class Lexer {
    private final String src;
    private final String file;
    private final List<Comment> comments;
    private final int columnShift;
    private int pos;
    private int line;
    private int lineStart;
    private boolean tokenOnLine;

    Lexer(String src, String file, int firstLine, int columnShift, List<Comment> comments) {
        this.src = src;
        this.file = file;
        this.line = firstLine;
        this.columnShift = columnShift;
        this.comments = comments;
    }

    String file() {
        return file;
    }

    int offset() {
        return pos;
    }

    SourcePos position() {
        return new SourcePos(file, line, pos - lineStart + 1 + columnShift);
    }

    String slice(int start, int end) {
        return src.substring(start, end);
    }

    boolean atEnd() {
        return pos >= src.length();
    }

    /** The character {@code ahead} positions from the current one, or -1 past the end. */
    int peekChar(int ahead) {
        int i = pos + ahead;
        return i < src.length() ? src.charAt(i) : -1;
    }

    void advance(int n) {
        for (int i = 0; i < n && pos < src.length(); i++) {
            if (src.charAt(pos) == '\n') {
                line++;
                lineStart = pos + 1;
                tokenOnLine = false;
            }
            pos++;
        }
    }

    HclParseException error(SourcePos at, String cause) {
        return new HclParseException(at, cause);
    }

    Token next() {
        skipBlanksAndComments();
        SourcePos start = position();
        int from = pos;
        if (pos >= src.length()) {
            return new Token(TokenType.EOF, "", from, from, start, false);
        }
        char c = src.charAt(pos);
        if (c == '\n') {
            advance(1);
            return new Token(TokenType.NEWLINE, "\n", from, pos, start, false);
        }
        tokenOnLine = true;
        if (isIdentStart(c)) {
            pos++;
            while (pos < src.length() && isIdentPart(src.charAt(pos))) {
                pos++;
            }
            return token(TokenType.IDENT, from, start);
        }
        if (c >= '0' && c <= '9') {
            return number(from, start);
        }
        return switch (c) {
            case '"' -> single(TokenType.OQUOTE, from, start);
            case '{' -> single(TokenType.LBRACE, from, start);
            case '}' -> single(TokenType.RBRACE, from, start);
            case '[' -> single(TokenType.LBRACK, from, start);
            case ']' -> single(TokenType.RBRACK, from, start);
            case '(' -> single(TokenType.LPAREN, from, start);
            case ')' -> single(TokenType.RPAREN, from, start);
            case ',' -> single(TokenType.COMMA, from, start);
            case '?' -> single(TokenType.QUESTION, from, start);
            case '+' -> single(TokenType.PLUS, from, start);
            case '-' -> single(TokenType.MINUS, from, start);
            case '*' -> single(TokenType.STAR, from, start);
            case '/' -> single(TokenType.SLASH, from, start);
            case '%' -> single(TokenType.PERCENT, from, start);
            case '~' -> single(TokenType.TILDE, from, start);
            case ':' -> peekChar(1) == ':'
                    ? pair(TokenType.DOUBLE_COLON, from, start) : single(TokenType.COLON, from, start);
            case '.' -> peekChar(1) == '.' && peekChar(2) == '.'
                    ? fixed(TokenType.ELLIPSIS, 3, from, start) : single(TokenType.DOT, from, start);
            case '=' -> switch (peekChar(1)) {
                case '=' -> pair(TokenType.EQ, from, start);
                case '>' -> pair(TokenType.FAT_ARROW, from, start);
                default -> single(TokenType.ASSIGN, from, start);
            };
            case '!' -> peekChar(1) == '=' ? pair(TokenType.NE, from, start) : single(TokenType.BANG, from, start);
            case '>' -> peekChar(1) == '=' ? pair(TokenType.GE, from, start) : single(TokenType.GT, from, start);
            case '<' -> peekChar(1) == '<' ? heredoc(from, start)
                    : peekChar(1) == '=' ? pair(TokenType.LE, from, start) : single(TokenType.LT, from, start);
            case '&' -> {
                if (peekChar(1) != '&') {
                    throw error(start, "unexpected character '&'; did you mean '&&'?");
                }
                yield pair(TokenType.AND, from, start);
            }
            case '|' -> {
                if (peekChar(1) != '|') {
                    throw error(start, "unexpected character '|'; did you mean '||'?");
                }
                yield pair(TokenType.OR, from, start);
            }
            default -> throw error(start, "unexpected character " + describeChar(c));
        };
    }

    static String describeChar(int c) {
        if (c < 0) {
            return "end of file";
        }
        if (c < 0x20 || c == 0x7f) {
            return String.format("U+%04X", c);
        }
        return "'" + (char) c + "'";
    }

    static boolean isIdentStart(int c) {
        return c >= 0 && (c == '_' || Character.isLetter(c));
    }

    static boolean isIdentPart(int c) {
        return c >= 0 && (c == '_' || c == '-' || Character.isLetterOrDigit(c));
    }

    private Token single(TokenType type, int from, SourcePos start) {
        return fixed(type, 1, from, start);
    }

    private Token pair(TokenType type, int from, SourcePos start) {
        return fixed(type, 2, from, start);
    }

    private Token fixed(TokenType type, int length, int from, SourcePos start) {
        pos += length;
        return token(type, from, start);
    }

    private Token token(TokenType type, int from, SourcePos start) {
        return new Token(type, src.substring(from, pos), from, pos, start, false);
    }

    private Token number(int from, SourcePos start) {
        skipDigits();
        if (peekChar(0) == '.' && isDigit(peekChar(1))) {
            pos++;
            skipDigits();
        }
        int e = peekChar(0);
        if (e == 'e' || e == 'E') {
            int sign = peekChar(1);
            int digitAt = sign == '+' || sign == '-' ? 2 : 1;
            if (!isDigit(peekChar(digitAt))) {
                throw error(position(), "invalid number: expected digits after the exponent");
            }
            pos += digitAt;
            skipDigits();
        }
        return token(TokenType.NUMBER, from, start);
    }

    /** Lexes only an integer, for legacy index steps such as {@code foo.0.1}. */
    Token integerAfterDot() {
        skipBlanksAndComments();
        SourcePos start = position();
        int from = pos;
        if (!isDigit(peekChar(0))) {
            return next();
        }
        tokenOnLine = true;
        skipDigits();
        return token(TokenType.NUMBER, from, start);
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private void skipDigits() {
        while (pos < src.length() && isDigit(src.charAt(pos))) {
            pos++;
        }
    }

    private Token heredoc(int from, SourcePos start) {
        pos += 2;
        boolean indented = peekChar(0) == '-';
        if (indented) {
            pos++;
        }
        int markerStart = pos;
        if (!isIdentStart(peekChar(0))) {
            throw error(position(), "invalid heredoc: expected a marker identifier after '<<'");
        }
        while (pos < src.length() && isIdentPart(src.charAt(pos))) {
            pos++;
        }
        String marker = src.substring(markerStart, pos);
        if (peekChar(0) == '\r') {
            pos++;
        }
        if (peekChar(0) != '\n') {
            throw error(position(), "invalid heredoc: expected a newline after the marker " + marker);
        }
        advance(1);
        int bodyStart = pos;
        while (pos < src.length()) {
            int eol = src.indexOf('\n', pos);
            int end = eol < 0 ? src.length() : eol;
            if (src.substring(pos, end).strip().equals(marker)) {
                String body = src.substring(bodyStart, pos);
                pos = end;
                tokenOnLine = true;
                return new Token(TokenType.HEREDOC, body, from, pos, start, indented);
            }
            advance(end - pos + (eol < 0 ? 0 : 1));
        }
        throw error(start, "unterminated heredoc: no closing line " + marker);
    }

    private void skipBlanksAndComments() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\uFEFF') {
                pos++;
            } else if (c == '#' || (c == '/' && peekChar(1) == '/')) {
                lineComment(c == '#' ? 1 : 2);
            } else if (c == '/' && peekChar(1) == '*') {
                blockComment();
            } else {
                return;
            }
        }
    }

    private void lineComment(int delimiter) {
        SourcePos start = position();
        int eol = src.indexOf('\n', pos);
        int end = eol < 0 ? src.length() : eol;
        comments.add(new Comment(src.substring(pos + delimiter, end).strip(), start.line(), start.column(),
                !tokenOnLine));
        pos = end;
    }

    private void blockComment() {
        SourcePos start = position();
        int close = src.indexOf("*/", pos + 2);
        if (close < 0) {
            throw error(start, "unterminated comment: missing '*/'");
        }
        comments.add(new Comment(src.substring(pos + 2, close).strip(), start.line(), start.column(), !tokenOnLine));
        boolean wasOnLine = tokenOnLine;
        advance(close + 2 - pos);
        tokenOnLine = wasOnLine && start.line() == line;
    }
}
