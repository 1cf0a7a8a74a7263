package dev.vigil.hcl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Recursive-descent parser over an on-demand {@link Lexer}. */
final class Parser {
    private static final int MAX_EXPONENT = 10_000;

    final Lexer lexer;
    private final List<Token> buffer = new ArrayList<>(4);
    private boolean skipNewlines;
    private int depth;
    private int lastEnd;

    Parser(Lexer lexer, int depth) {
        this.lexer = lexer;
        this.depth = depth;
    }

    int depth() {
        return depth;
    }

    // ---- token stream ----

    Token peek() {
        return peek(0);
    }

    /** Looks {@code k} significant tokens ahead; only ever called with k=1 after an identifier. */
    private Token peek(int k) {
        int seen = 0;
        for (int i = 0; ; i++) {
            if (buffer.size() <= i) {
                buffer.add(lexer.next());
            }
            Token t = buffer.get(i);
            if (skipNewlines && t.type() == TokenType.NEWLINE) {
                continue;
            }
            if (seen == k) {
                return t;
            }
            seen++;
        }
    }

    Token next() {
        Token t = peek(0);
        while (buffer.removeFirst() != t) {
            // drop the newlines skipped before t
        }
        lastEnd = t.end();
        return t;
    }

    private boolean at(TokenType type) {
        return peek().type() == type;
    }

    private boolean atKeyword(String word) {
        Token t = peek();
        return t.type() == TokenType.IDENT && t.text().equals(word);
    }

    Token expect(TokenType type, String context) {
        Token t = peek();
        if (t.type() != type) {
            throw error(t, "expected " + type.display + " " + context + ", found " + t.describe());
        }
        return next();
    }

    HclParseException error(Token at, String cause) {
        return new HclParseException(at.pos(), cause);
    }

    /** Marks that the characters up to the lexer's current offset belong to the last construct. */
    void consumedTo(int offset) {
        lastEnd = offset;
    }

    boolean setSkipNewlines(boolean skip) {
        boolean old = skipNewlines;
        skipNewlines = skip;
        return old;
    }

    void enter(Token at) {
        if (++depth > HclParser.MAX_DEPTH) {
            throw error(at, "nesting deeper than " + HclParser.MAX_DEPTH + " levels");
        }
    }

    void leave() {
        depth--;
    }

    Range rangeFrom(Token start) {
        return rangeFrom(start.pos(), start.start());
    }

    Range rangeFrom(SourcePos pos, int startOffset) {
        return new Range(pos, lexer.slice(startOffset, Math.max(startOffset, lastEnd)));
    }

    // ---- bodies ----

    Body parseFileBody() {
        Body body = parseBody(false);
        expect(TokenType.EOF, "at the end of the file");
        return body;
    }

    private Body parseBody(boolean inBlock) {
        boolean saved = setSkipNewlines(false);
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        List<Block> blocks = new ArrayList<>();
        while (true) {
            Token t = peek();
            switch (t.type()) {
                case NEWLINE -> next();
                case EOF -> {
                    if (inBlock) {
                        throw error(t, "expected '}' to close the block, found end of file");
                    }
                    setSkipNewlines(saved);
                    return new Body(attributes, blocks);
                }
                case RBRACE -> {
                    if (!inBlock) {
                        throw error(t, "unexpected '}' with no block open");
                    }
                    setSkipNewlines(saved);
                    return new Body(attributes, blocks);
                }
                case IDENT -> parseItem(attributes, blocks);
                default -> throw error(t, "expected an attribute or block name, found " + t.describe());
            }
        }
    }

    private void parseItem(Map<String, Attribute> attributes, List<Block> blocks) {
        Token name = next();
        Token t = peek();
        if (t.type() == TokenType.ASSIGN) {
            next();
            Attribute attribute = new Attribute(name.text(), parseExpression(), name.pos());
            addAttribute(attributes, attribute, name);
            Token end = peek();
            if (end.type() == TokenType.NEWLINE) {
                next();
            } else if (end.type() != TokenType.EOF) {
                throw error(end, "expected a newline after the attribute '" + name.text() + "', found "
                        + end.describe());
            }
            return;
        }
        if (t.type() != TokenType.OQUOTE && t.type() != TokenType.IDENT && t.type() != TokenType.LBRACE) {
            throw error(t, "expected '=' or a block after '" + name.text() + "'");
        }
        blocks.add(parseBlock(name));
    }

    private static void addAttribute(Map<String, Attribute> attributes, Attribute attribute, Token at) {
        Attribute previous = attributes.putIfAbsent(attribute.name(), attribute);
        if (previous != null) {
            throw new HclParseException(at.pos(), "attribute '" + attribute.name()
                    + "' redefined (first defined at line " + previous.pos().line() + ")");
        }
    }

    private Block parseBlock(Token type) {
        enter(type);
        List<String> labels = new ArrayList<>();
        while (!at(TokenType.LBRACE)) {
            Token t = next();
            switch (t.type()) {
                case IDENT -> labels.add(t.text());
                case OQUOTE -> labels.add(literalLabel(t));
                default -> throw error(t, "expected a block label or '{' after '" + type.text() + "', found "
                        + t.describe());
            }
        }
        next();
        Body body;
        Token t = peek();
        if (t.type() == TokenType.NEWLINE) {
            body = parseBody(true);
        } else if (t.type() == TokenType.RBRACE) {
            body = new Body(Map.of(), List.of());
        } else {
            body = parseOneLineBody(type);
        }
        expect(TokenType.RBRACE, "to close the block '" + type.text() + "'");
        Token end = peek();
        if (end.type() == TokenType.NEWLINE) {
            next();
        } else if (end.type() != TokenType.EOF) {
            throw error(end, "expected a newline after the block '" + type.text() + "', found " + end.describe());
        }
        leave();
        return new Block(type.text(), labels, body, type.pos());
    }

    private Body parseOneLineBody(Token type) {
        Token name = peek();
        if (name.type() != TokenType.IDENT) {
            throw error(name, "expected an attribute or a newline after '{' of block '" + type.text() + "', found "
                    + name.describe());
        }
        next();
        expect(TokenType.ASSIGN, "after '" + name.text() + "' (a one-line block holds a single attribute)");
        Attribute attribute = new Attribute(name.text(), parseExpression(), name.pos());
        return new Body(Map.of(attribute.name(), attribute), List.of());
    }

    private String literalLabel(Token open) {
        Expr.Template label = new TemplateReader(this).quoted(open);
        StringBuilder text = new StringBuilder();
        for (Expr part : label.parts()) {
            if (!(part instanceof Expr.Literal lit) || !(lit.value() instanceof StringValue s)) {
                throw new HclParseException(part.pos(), "block labels must be literal strings, without interpolation");
            }
            text.append(s.value());
        }
        return text.toString();
    }

    // ---- expressions ----

    Expr parseStandaloneExpression() {
        setSkipNewlines(true);
        Expr e = parseExpression();
        expect(TokenType.EOF, "after the expression");
        return e;
    }

    Expr parseExpression() {
        Token start = peek();
        enter(start);
        Expr condition = parseBinary(1);
        Expr result = condition;
        if (at(TokenType.QUESTION)) {
            next();
            Expr then = parseExpression();
            expect(TokenType.COLON, "in the conditional expression");
            Expr otherwise = parseExpression();
            result = new Expr.Conditional(condition, then, otherwise, rangeFrom(start));
        }
        leave();
        return result;
    }

    private Expr parseBinary(int minPrecedence) {
        Token start = peek();
        Expr left = parseUnary();
        int chained = 0;
        try {
            while (true) {
                Expr.Operator op = binaryOperator(peek().type());
                if (op == null || op.precedence < minPrecedence) {
                    return left;
                }
                Token opToken = next();
                enter(opToken);
                chained++;
                Expr right = parseBinary(op.precedence + 1);
                left = new Expr.Binary(op, left, right, rangeFrom(start));
            }
        } finally {
            depth -= chained;
        }
    }

    private static Expr.Operator binaryOperator(TokenType type) {
        return switch (type) {
            case OR -> Expr.Operator.OR;
            case AND -> Expr.Operator.AND;
            case EQ -> Expr.Operator.EQ;
            case NE -> Expr.Operator.NE;
            case LT -> Expr.Operator.LT;
            case LE -> Expr.Operator.LE;
            case GT -> Expr.Operator.GT;
            case GE -> Expr.Operator.GE;
            case PLUS -> Expr.Operator.ADD;
            case MINUS -> Expr.Operator.SUB;
            case STAR -> Expr.Operator.MUL;
            case SLASH -> Expr.Operator.DIV;
            case PERCENT -> Expr.Operator.MOD;
            default -> null;
        };
    }

    private Expr parseUnary() {
        Token t = peek();
        if (t.type() == TokenType.BANG || t.type() == TokenType.MINUS) {
            next();
            enter(t);
            Expr operand = parseUnary();
            leave();
            return new Expr.Unary(t.type() == TokenType.BANG ? Expr.Operator.NOT : Expr.Operator.NEG, operand,
                    rangeFrom(t));
        }
        return parsePostfix();
    }

    private Expr parsePostfix() {
        Token start = peek();
        Expr term = parsePrimary();
        int chained = 0;
        try {
            while (true) {
                Token t = peek();
                if (t.type() == TokenType.DOT) {
                    next();
                    Token step = stepAfterDot();
                    if (step.type() == TokenType.STAR) {
                        next();
                        term = new Expr.Splat(term, parseSplatSteps(start, false), rangeFrom(start));
                    } else {
                        term = attributeStep(term, start);
                    }
                } else if (t.type() == TokenType.LBRACK) {
                    next();
                    if (at(TokenType.STAR)) {
                        next();
                        expect(TokenType.RBRACK, "after '[*'");
                        term = new Expr.Splat(term, parseSplatSteps(start, true), rangeFrom(start));
                    } else {
                        term = indexStep(term, start);
                    }
                } else {
                    return term;
                }
                enter(t);
                chained++;
            }
        } finally {
            depth -= chained;
        }
    }

    private Token stepAfterDot() {
        if (buffer.isEmpty()) {
            buffer.add(lexer.integerAfterDot());
        }
        return peek();
    }

    /** After {@code .} has been consumed: {@code .name} or legacy {@code .0}. */
    private Expr attributeStep(Expr source, Token start) {
        Token step = next();
        return switch (step.type()) {
            case IDENT -> new Expr.GetAttr(source, step.text(), rangeFrom(start));
            case NUMBER -> new Expr.Index(source, new Expr.Literal(number(step), new Range(step.pos(), step.text())),
                    rangeFrom(start));
            default -> throw error(step, "expected an attribute name after '.', found " + step.describe());
        };
    }

    /** After {@code [} has been consumed. */
    private Expr indexStep(Expr source, Token start) {
        boolean saved = setSkipNewlines(true);
        Expr key = parseExpression();
        expect(TokenType.RBRACK, "to close the index");
        setSkipNewlines(saved);
        return new Expr.Index(source, key, rangeFrom(start));
    }

    /**
     * The steps applied to each element of a splat: attributes only after {@code .*}, attributes and
     * indexes after {@code [*]}.
     */
    private Expr parseSplatSteps(Token start, boolean full) {
        Expr each = new Expr.SplatItem(new Range(start.pos(), ""));
        int chained = 0;
        try {
            while (true) {
                Token t = peek();
                if (t.type() == TokenType.DOT) {
                    next();
                    Token step = stepAfterDot();
                    if (step.type() == TokenType.STAR) {
                        throw error(step, "a splat cannot directly follow another splat");
                    }
                    each = attributeStep(each, start);
                } else if (full && t.type() == TokenType.LBRACK) {
                    next();
                    if (at(TokenType.STAR)) {
                        throw error(peek(), "a splat cannot directly follow another splat");
                    }
                    each = indexStep(each, start);
                } else {
                    return each;
                }
                enter(t);
                chained++;
            }
        } finally {
            depth -= chained;
        }
    }

    private Expr parsePrimary() {
        Token t = peek();
        return switch (t.type()) {
            case NUMBER -> {
                next();
                yield new Expr.Literal(number(t), rangeFrom(t));
            }
            case IDENT -> parseIdentifier();
            case OQUOTE -> {
                next();
                yield new TemplateReader(this).quoted(t);
            }
            case HEREDOC -> {
                next();
                yield new TemplateReader(this).heredoc(t);
            }
            case LBRACK -> parseTuple();
            case LBRACE -> parseObject();
            case LPAREN -> {
                next();
                boolean saved = setSkipNewlines(true);
                Expr inner = parseExpression();
                expect(TokenType.RPAREN, "to close the parenthesis");
                setSkipNewlines(saved);
                yield new Expr.Parens(inner, rangeFrom(t));
            }
            default -> throw error(t, "expected an expression, found " + t.describe());
        };
    }

    private Value number(Token t) {
        try {
            BigDecimal n = new BigDecimal(t.text());
            if (Math.abs((long) n.scale()) > MAX_EXPONENT || n.precision() > MAX_EXPONENT) {
                throw error(t, "number out of range: " + t.text());
            }
            return new NumberValue(n);
        } catch (NumberFormatException | ArithmeticException e) {
            throw error(t, "number out of range: " + t.text());
        }
    }

    private Expr parseIdentifier() {
        Token t = next();
        switch (t.text()) {
            case "true" -> {
                return new Expr.Literal(BoolValue.TRUE, rangeFrom(t));
            }
            case "false" -> {
                return new Expr.Literal(BoolValue.FALSE, rangeFrom(t));
            }
            case "null" -> {
                return new Expr.Literal(NullValue.INSTANCE, rangeFrom(t));
            }
            default -> {
            }
        }
        String name = t.text();
        while (at(TokenType.DOUBLE_COLON)) {
            next();
            name += "::" + expect(TokenType.IDENT, "after '::'").text();
        }
        if (at(TokenType.LPAREN)) {
            return parseCall(t, name);
        }
        if (!name.equals(t.text())) {
            throw error(peek(), "expected '(' after the function name " + name);
        }
        return new Expr.Variable(name, rangeFrom(t));
    }

    private Expr parseCall(Token start, String name) {
        next();
        boolean saved = setSkipNewlines(true);
        List<Expr> args = new ArrayList<>();
        boolean expand = false;
        while (!at(TokenType.RPAREN)) {
            args.add(parseExpression());
            if (at(TokenType.ELLIPSIS)) {
                next();
                expand = true;
                break;
            }
            if (!at(TokenType.COMMA)) {
                break;
            }
            next();
        }
        expect(TokenType.RPAREN, "to close the arguments of " + name + "()");
        setSkipNewlines(saved);
        return new Expr.FunctionCall(name, args, expand, rangeFrom(start));
    }

    private boolean atForIntro() {
        return atKeyword("for") && peek(1).type() == TokenType.IDENT;
    }

    private Expr parseTuple() {
        Token open = next();
        boolean saved = setSkipNewlines(true);
        try {
            if (atForIntro()) {
                return parseFor(open, TokenType.RBRACK);
            }
            List<Expr> items = new ArrayList<>();
            while (!at(TokenType.RBRACK)) {
                items.add(parseExpression());
                if (!at(TokenType.COMMA)) {
                    break;
                }
                next();
            }
            expect(TokenType.RBRACK, "or ',' in the tuple");
            return new Expr.TupleCons(items, rangeFrom(open));
        } finally {
            setSkipNewlines(saved);
        }
    }

    private Expr parseObject() {
        Token open = next();
        boolean saved = setSkipNewlines(true);
        try {
            if (atForIntro()) {
                return parseFor(open, TokenType.RBRACE);
            }
            setSkipNewlines(false);
            List<Expr.ObjectCons.Item> items = new ArrayList<>();
            while (true) {
                while (at(TokenType.NEWLINE)) {
                    next();
                }
                if (at(TokenType.RBRACE)) {
                    break;
                }
                Expr key = objectKey(parseExpression());
                Token sep = next();
                if (sep.type() != TokenType.ASSIGN && sep.type() != TokenType.COLON) {
                    throw error(sep, "expected '=' or ':' after the object key " + key.text() + ", found "
                            + sep.describe());
                }
                items.add(new Expr.ObjectCons.Item(key, parseExpression()));
                Token after = peek();
                if (after.type() == TokenType.COMMA || after.type() == TokenType.NEWLINE) {
                    next();
                } else if (after.type() != TokenType.RBRACE) {
                    throw error(after, "expected ',', a newline or '}' after the object item, found "
                            + after.describe());
                }
            }
            next();
            return new Expr.ObjectCons(items, rangeFrom(open));
        } finally {
            setSkipNewlines(saved);
        }
    }

    /** A bare identifier key (even {@code true} or {@code null}) names the key literally. */
    private static Expr objectKey(Expr key) {
        boolean bare = key instanceof Expr.Variable
                || (key instanceof Expr.Literal lit && !(lit.value() instanceof StringValue)
                && !(lit.value() instanceof NumberValue));
        return bare ? new Expr.Literal(new StringValue(key.text()), key.range()) : key;
    }

    private Expr parseFor(Token open, TokenType close) {
        next();
        String first = expect(TokenType.IDENT, "after 'for'").text();
        String keyVar = null;
        String valueVar = first;
        if (at(TokenType.COMMA)) {
            next();
            keyVar = first;
            valueVar = expect(TokenType.IDENT, "after ',' in the for expression").text();
        }
        if (!atKeyword("in")) {
            throw error(peek(), "expected 'in' in the for expression, found " + peek().describe());
        }
        next();
        Expr collection = parseExpression();
        expect(TokenType.COLON, "after the for expression's collection");
        Expr keyExpr = null;
        Expr valueExpr;
        boolean grouping = false;
        if (close == TokenType.RBRACE) {
            keyExpr = parseExpression();
            expect(TokenType.FAT_ARROW, "after the key in the object for expression");
            valueExpr = parseExpression();
            if (at(TokenType.ELLIPSIS)) {
                next();
                grouping = true;
            }
        } else {
            valueExpr = parseExpression();
        }
        Expr condition = null;
        if (atKeyword("if")) {
            next();
            condition = parseExpression();
        }
        expect(close, "to close the for expression");
        return new Expr.ForExpr(keyVar, valueVar, collection, keyExpr, valueExpr, condition, grouping, rangeFrom(open));
    }
}
