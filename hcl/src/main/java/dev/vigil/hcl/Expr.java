package dev.vigil.hcl;

import java.util.ArrayList;
import java.util.List;

/** An expression node. Every node knows where it starts and its exact source text. */
public sealed interface Expr {
    Range range();

    /** Direct sub-expressions, in source order. */
    List<Expr> children();

    default SourcePos pos() {
        return range().pos();
    }

    default String text() {
        return range().text();
    }

    /** A literal number, bool, null, or a literal chunk of a template. */
    record Literal(Value value, Range range) implements Expr {
        public List<Expr> children() {
            return List.of();
        }
    }

    /** A quoted or heredoc template: literal chunks, interpolations and directives. */
    record Template(List<Expr> parts, Range range) implements Expr {
        public Template {
            parts = List.copyOf(parts);
        }

        public List<Expr> children() {
            return parts;
        }
    }

    /** {@code %{if cond}then%{else}otherwise%{endif}}; {@code otherwise} is an empty template when absent. */
    record TemplateIf(Expr condition, Template then, Template otherwise, Range range) implements Expr {
        public List<Expr> children() {
            return List.of(condition, then, otherwise);
        }
    }

    /** {@code %{for key, value in collection}body%{endfor}}; {@code keyVar} may be null. */
    record TemplateFor(String keyVar, String valueVar, Expr collection, Template body, Range range) implements Expr {
        public List<Expr> children() {
            return List.of(collection, body);
        }
    }

    /** A root name such as {@code var}, {@code local} or {@code aws_s3_bucket}. */
    record Variable(String name, Range range) implements Expr {
        public List<Expr> children() {
            return List.of();
        }
    }

    record GetAttr(Expr source, String name, Range range) implements Expr {
        public List<Expr> children() {
            return List.of(source);
        }
    }

    /** {@code source[key]}, and the legacy {@code source.0}. */
    record Index(Expr source, Expr key, Range range) implements Expr {
        public List<Expr> children() {
            return List.of(source, key);
        }
    }

    /**
     * {@code source.*.rest} or {@code source[*].rest}: {@code each} is evaluated once per element with
     * {@link SplatItem} standing for the element.
     */
    record Splat(Expr source, Expr each, Range range) implements Expr {
        public List<Expr> children() {
            return List.of(source, each);
        }
    }

    /** The current element inside a {@link Splat}. */
    record SplatItem(Range range) implements Expr {
        public List<Expr> children() {
            return List.of();
        }
    }

    record TupleCons(List<Expr> items, Range range) implements Expr {
        public TupleCons {
            items = List.copyOf(items);
        }

        public List<Expr> children() {
            return items;
        }
    }

    /** An object constructor; a bare identifier key is already a string {@link Literal}. */
    record ObjectCons(List<Item> items, Range range) implements Expr {
        public ObjectCons {
            items = List.copyOf(items);
        }

        public List<Expr> children() {
            List<Expr> all = new ArrayList<>(items.size() * 2);
            for (Item item : items) {
                all.add(item.key());
                all.add(item.value());
            }
            return all;
        }

        public record Item(Expr key, Expr value) {
        }
    }

    /** {@code name(args)}; {@code expandFinal} when the last argument is followed by {@code ...}. */
    record FunctionCall(String name, List<Expr> args, boolean expandFinal, Range range) implements Expr {
        public FunctionCall {
            args = List.copyOf(args);
        }

        public List<Expr> children() {
            return args;
        }
    }

    /**
     * A for expression. {@code keyExpr} is null for the tuple form; {@code keyVar} and
     * {@code condition} may be null; {@code grouping} marks {@code value...} in the object form.
     */
    record ForExpr(String keyVar, String valueVar, Expr collection, Expr keyExpr, Expr valueExpr,
                   Expr condition, boolean grouping, Range range) implements Expr {
        public List<Expr> children() {
            List<Expr> all = new ArrayList<>(4);
            all.add(collection);
            if (keyExpr != null) {
                all.add(keyExpr);
            }
            all.add(valueExpr);
            if (condition != null) {
                all.add(condition);
            }
            return all;
        }
    }

    record Conditional(Expr condition, Expr then, Expr otherwise, Range range) implements Expr {
        public List<Expr> children() {
            return List.of(condition, then, otherwise);
        }
    }

    record Binary(Operator op, Expr left, Expr right, Range range) implements Expr {
        public List<Expr> children() {
            return List.of(left, right);
        }
    }

    /** {@code !x} or {@code -x}. */
    record Unary(Operator op, Expr operand, Range range) implements Expr {
        public List<Expr> children() {
            return List.of(operand);
        }
    }

    record Parens(Expr inner, Range range) implements Expr {
        public List<Expr> children() {
            return List.of(inner);
        }
    }

    enum Operator {
        OR("||", 1), AND("&&", 2), EQ("==", 3), NE("!=", 3), LT("<", 4), LE("<=", 4), GT(">", 4), GE(">=", 4),
        ADD("+", 5), SUB("-", 5), MUL("*", 6), DIV("/", 6), MOD("%", 6), NOT("!", 7), NEG("-", 7);

        public final String symbol;
        final int precedence;

        Operator(String symbol, int precedence) {
            this.symbol = symbol;
            this.precedence = precedence;
        }
    }
}
