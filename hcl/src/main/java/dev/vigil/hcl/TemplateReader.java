package dev.vigil.hcl;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads quoted and heredoc templates character by character: literal text, {@code ${...}}
 * interpolations and {@code %{...}} directives, then applies strip markers and nests directives.
 */
final class TemplateReader {
    private enum Kind { LITERAL, INTERPOLATION, IF, ELSE, ENDIF, FOR, ENDFOR }

    /** One flat template piece before nesting; literal text is mutable so strip markers can trim it. */
    private static final class Piece {
        final Kind kind;
        final SourcePos pos;
        final int start;
        int end;
        String text;
        Expr expr;
        String keyVar;
        String valueVar;
        boolean stripLeft;
        boolean stripRight;

        Piece(Kind kind, SourcePos pos, int start) {
            this.kind = kind;
            this.pos = pos;
            this.start = start;
        }
    }

    private final Parser parser;
    private final Lexer lexer;
    private final List<Piece> pieces = new ArrayList<>();
    private int cursor;

    TemplateReader(Parser parser) {
        this.parser = parser;
        this.lexer = parser.lexer;
    }

    /** Reads a quoted template whose opening quote has just been consumed. */
    Expr.Template quoted(Token open) {
        read(true, open);
        parser.consumedTo(lexer.offset());
        return build(parser.rangeFrom(open));
    }

    /** Reads the whole of the lexer's text as a template. */
    Expr.Template standalone(Range range) {
        read(false, null);
        return build(range);
    }

    /** Reads a heredoc token's body as a template. */
    Expr.Template heredoc(Token token) {
        String body = token.text();
        int indent = token.indented() ? commonIndent(body) : 0;
        if (indent > 0) {
            body = dedent(body, indent);
        }
        Lexer bodyLexer = new Lexer(body, lexer.file(), token.pos().line() + 1, indent, new ArrayList<>());
        TemplateReader reader = new TemplateReader(new Parser(bodyLexer, parser.depth()));
        reader.read(false, token);
        return reader.build(new Range(token.pos(), lexer.slice(token.start(), token.end())));
    }

    private static int commonIndent(String body) {
        int min = Integer.MAX_VALUE;
        for (String line : body.split("\n", -1)) {
            int n = 0;
            while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) {
                n++;
            }
            if (n < line.length() && line.charAt(n) != '\r') {
                min = Math.min(min, n);
            }
        }
        return min == Integer.MAX_VALUE ? 0 : min;
    }

    private static String dedent(String body, int indent) {
        StringBuilder out = new StringBuilder(body.length());
        for (String line : body.split("\n", -1)) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(line, Math.min(indent, leadingBlanks(line)), line.length());
        }
        return out.toString();
    }

    private static int leadingBlanks(String line) {
        int n = 0;
        while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) {
            n++;
        }
        return n;
    }

    private void read(boolean quoted, Token open) {
        StringBuilder literal = new StringBuilder();
        Piece current = null;
        while (true) {
            int c = lexer.peekChar(0);
            if (c < 0) {
                if (quoted) {
                    throw new HclParseException(open.pos(), "unterminated string: missing closing '\"'");
                }
                flush(current, literal);
                return;
            }
            if (quoted && c == '"') {
                flush(current, literal);
                lexer.advance(1);
                return;
            }
            if (quoted && c == '\n') {
                throw new HclParseException(lexer.position(), "a quoted string cannot span lines; use a heredoc");
            }
            int c1 = lexer.peekChar(1);
            if ((c == '$' || c == '%') && c1 == c && lexer.peekChar(2) == '{') {
                current = startLiteral(current);
                literal.append((char) c).append('{');
                lexer.advance(3);
            } else if ((c == '$' || c == '%') && c1 == '{') {
                flush(current, literal);
                current = null;
                if (c == '$') {
                    interpolation();
                } else {
                    directive();
                }
            } else if (quoted && c == '\\') {
                current = startLiteral(current);
                escape(literal);
            } else {
                current = startLiteral(current);
                literal.append((char) c);
                lexer.advance(1);
            }
        }
    }

    private Piece startLiteral(Piece current) {
        if (current != null) {
            return current;
        }
        Piece p = new Piece(Kind.LITERAL, lexer.position(), lexer.offset());
        pieces.add(p);
        return p;
    }

    private void flush(Piece current, StringBuilder literal) {
        if (current != null) {
            current.text = literal.toString();
            current.end = lexer.offset();
            literal.setLength(0);
        }
    }

    private void escape(StringBuilder literal) {
        SourcePos at = lexer.position();
        int e = lexer.peekChar(1);
        lexer.advance(2);
        switch (e) {
            case 'n' -> literal.append('\n');
            case 'r' -> literal.append('\r');
            case 't' -> literal.append('\t');
            case '"' -> literal.append('"');
            case '\\' -> literal.append('\\');
            case 'u' -> literal.appendCodePoint(hex(4, at));
            case 'U' -> literal.appendCodePoint(hex(8, at));
            default -> throw new HclParseException(at, "invalid escape sequence '\\"
                    + (e < 0 ? "" : Character.toString(e))
                    + "'; valid escapes are \\n \\r \\t \\\" \\\\ \\uNNNN \\UNNNNNNNN");
        }
    }

    private int hex(int digits, SourcePos at) {
        int value = 0;
        for (int i = 0; i < digits; i++) {
            int d = Character.digit(lexer.peekChar(0), 16);
            if (d < 0) {
                throw new HclParseException(at, "invalid unicode escape: expected " + digits + " hex digits");
            }
            value = value * 16 + d;
            lexer.advance(1);
        }
        if (!Character.isValidCodePoint(value)) {
            throw new HclParseException(at, "invalid unicode escape: not a valid code point");
        }
        return value;
    }

    private Piece openSequence(Kind kind) {
        Piece p = new Piece(kind, lexer.position(), lexer.offset());
        lexer.advance(2);
        if (lexer.peekChar(0) == '~') {
            p.stripLeft = true;
            lexer.advance(1);
        }
        return p;
    }

    private void closeSequence(Piece p, String what) {
        if (parser.peek().type() == TokenType.TILDE) {
            parser.next();
            p.stripRight = true;
        }
        parser.expect(TokenType.RBRACE, "to close the " + what);
        p.end = lexer.offset();
        pieces.add(p);
    }

    private void interpolation() {
        Piece p = openSequence(Kind.INTERPOLATION);
        boolean saved = parser.setSkipNewlines(true);
        p.expr = parser.parseExpression();
        closeSequence(p, "interpolation");
        parser.setSkipNewlines(saved);
    }

    private void directive() {
        Piece start = openSequence(Kind.IF);
        boolean saved = parser.setSkipNewlines(true);
        Token keyword = parser.peek();
        if (keyword.type() != TokenType.IDENT) {
            throw parser.error(keyword, "expected if, else, endif, for or endfor in the template directive, found "
                    + keyword.describe());
        }
        parser.next();
        Piece p = switch (keyword.text()) {
            case "if" -> {
                Piece ifPiece = copy(start, Kind.IF);
                ifPiece.expr = parser.parseExpression();
                yield ifPiece;
            }
            case "else" -> copy(start, Kind.ELSE);
            case "endif" -> copy(start, Kind.ENDIF);
            case "endfor" -> copy(start, Kind.ENDFOR);
            case "for" -> forDirective(start);
            default -> throw parser.error(keyword,
                    "expected if, else, endif, for or endfor in the template directive, found '"
                    + keyword.text() + "'");
        };
        closeSequence(p, "template directive");
        parser.setSkipNewlines(saved);
    }

    private static Piece copy(Piece from, Kind kind) {
        Piece p = new Piece(kind, from.pos, from.start);
        p.stripLeft = from.stripLeft;
        return p;
    }

    private Piece forDirective(Piece start) {
        Piece p = copy(start, Kind.FOR);
        String first = parser.expect(TokenType.IDENT, "after 'for'").text();
        p.valueVar = first;
        if (parser.peek().type() == TokenType.COMMA) {
            parser.next();
            p.keyVar = first;
            p.valueVar = parser.expect(TokenType.IDENT, "after ',' in the for directive").text();
        }
        Token in = parser.peek();
        if (in.type() != TokenType.IDENT || !in.text().equals("in")) {
            throw parser.error(in, "expected 'in' in the for directive, found " + in.describe());
        }
        parser.next();
        p.expr = parser.parseExpression();
        return p;
    }

    // ---- strip markers and nesting ----

    private Expr.Template build(Range range) {
        for (int i = 0; i < pieces.size(); i++) {
            Piece p = pieces.get(i);
            if (p.stripLeft && i > 0 && pieces.get(i - 1).kind == Kind.LITERAL) {
                Piece prev = pieces.get(i - 1);
                prev.text = prev.text.stripTrailing();
            }
            if (p.stripRight && i + 1 < pieces.size() && pieces.get(i + 1).kind == Kind.LITERAL) {
                Piece after = pieces.get(i + 1);
                after.text = after.text.stripLeading();
            }
        }
        List<Expr> parts = sequence(Set.of());
        if (cursor < pieces.size()) {
            Piece stray = pieces.get(cursor);
            throw new HclParseException(stray.pos, "unexpected %{" + stray.kind.name().toLowerCase()
                    + "} with no matching opening directive");
        }
        return new Expr.Template(parts, range);
    }

    private List<Expr> sequence(Set<Kind> stops) {
        List<Expr> parts = new ArrayList<>();
        while (cursor < pieces.size()) {
            Piece p = pieces.get(cursor);
            if (stops.contains(p.kind)) {
                return parts;
            }
            switch (p.kind) {
                case LITERAL -> {
                    cursor++;
                    if (!p.text.isEmpty()) {
                        parts.add(new Expr.Literal(new StringValue(p.text), pieceRange(p, p)));
                    }
                }
                case INTERPOLATION -> {
                    cursor++;
                    parts.add(p.expr);
                }
                case IF -> parts.add(ifDirective(p));
                case FOR -> parts.add(forLoop(p));
                default -> {
                    return parts;
                }
            }
        }
        return parts;
    }

    private Expr ifDirective(Piece ifPiece) {
        cursor++;
        Expr.Template then = nested(ifPiece, Set.of(Kind.ELSE, Kind.ENDIF));
        Expr.Template otherwise = new Expr.Template(List.of(), new Range(ifPiece.pos, ""));
        if (cursor < pieces.size() && pieces.get(cursor).kind == Kind.ELSE) {
            Piece elsePiece = pieces.get(cursor++);
            otherwise = nested(elsePiece, Set.of(Kind.ENDIF));
        }
        Piece end = closing(ifPiece, Kind.ENDIF, "%{if}");
        return new Expr.TemplateIf(ifPiece.expr, then, otherwise, pieceRange(ifPiece, end));
    }

    private Expr forLoop(Piece forPiece) {
        cursor++;
        Expr.Template body = nested(forPiece, Set.of(Kind.ENDFOR));
        Piece end = closing(forPiece, Kind.ENDFOR, "%{for}");
        return new Expr.TemplateFor(forPiece.keyVar, forPiece.valueVar, forPiece.expr, body, pieceRange(forPiece, end));
    }

    private Expr.Template nested(Piece opener, Set<Kind> stops) {
        int from = cursor;
        List<Expr> parts = sequence(stops);
        int endOffset = cursor < pieces.size() ? pieces.get(cursor).start : opener.end;
        int startOffset = from < pieces.size() ? pieces.get(from).start : opener.end;
        String text = lexer.slice(startOffset, Math.max(startOffset, endOffset));
        return new Expr.Template(parts, new Range(opener.pos, text));
    }

    private Piece closing(Piece opener, Kind kind, String what) {
        if (cursor >= pieces.size() || pieces.get(cursor).kind != kind) {
            throw new HclParseException(opener.pos, what + " is missing its %{" + kind.name().toLowerCase() + "}");
        }
        return pieces.get(cursor++);
    }

    private Range pieceRange(Piece first, Piece last) {
        return new Range(first.pos, lexer.slice(first.start, Math.max(first.start, last.end)));
    }
}
