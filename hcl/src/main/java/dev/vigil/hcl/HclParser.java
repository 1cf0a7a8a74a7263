package dev.vigil.hcl;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses HCL native syntax. Never throws anything but {@link HclParseException}; nesting deeper
 * than {@link #MAX_DEPTH} is a syntax error rather than a stack overflow.
 */
public final class HclParser {
    public static final int MAX_DEPTH = 256;

    private HclParser() {
    }

    public static HclFile parse(String file, String source) {
        List<Comment> comments = new ArrayList<>();
        Parser parser = new Parser(new Lexer(source, file, 1, 0, comments), 0);
        try {
            Body body = parser.parseFileBody();
            return new HclFile(file, body, comments);
        } catch (StackOverflowError e) {
            throw new HclParseException(new SourcePos(file, 1, 1), "nesting too deep to parse");
        }
    }

    /**
     * Parses standalone template text, such as a JSON string in a {@code .tf.json} file, whose
     * first character is at {@code start}. Backslash escapes are not interpreted.
     */
    public static Expr.Template parseTemplate(String text, SourcePos start) {
        Lexer lexer = new Lexer(text, start.file(), start.line(), start.column() - 1, new ArrayList<>());
        try {
            return new TemplateReader(new Parser(lexer, 0)).standalone(new Range(start, text));
        } catch (StackOverflowError e) {
            throw new HclParseException(start, "nesting too deep to parse");
        }
    }

    /** Parses a single expression such as a {@code -var} value. */
    public static Expr parseExpression(String file, String source) {
        Parser parser = new Parser(new Lexer(source, file, 1, 0, new ArrayList<>()), 0);
        try {
            return parser.parseStandaloneExpression();
        } catch (StackOverflowError e) {
            throw new HclParseException(new SourcePos(file, 1, 1), "nesting too deep to parse");
        }
    }
}
