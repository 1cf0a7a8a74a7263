package dev.vigil.realtime.setup;

import java.util.List;
import java.util.Map;

/**
 * Writes Terraform's native syntax from a tree: maps are objects, lists are tuples, strings are quoted with HCL's
 * escapes ({@code ${} and {@code %{} doubled so that nothing is interpolated), numbers and booleans as they are, and
 * {@link Expr} is written as it is (a reference such as {@code aws_sqs_queue.events.arn}, or a call).
 */
final class Hcl {

    /** An expression written as is. */
    record Expr(String text) {
    }

    private Hcl() {
    }

    static Expr expr(String text) {
        return new Expr(text);
    }

    /** {@code jsonencode(...)} of a tree. */
    static Expr jsonencode(Object tree) {
        return new Expr("jsonencode(" + value(tree, 1) + ")");
    }

    /** A block: {@code TYPE "LABEL" ... { ARGUMENTS }}; a {@link Block} value among the arguments is a nested block. */
    record Block(String type, List<String> labels, Map<String, Object> arguments) {

        String render(int depth) {
            StringBuilder out = new StringBuilder(indent(depth)).append(type);
            labels.forEach(l -> out.append(' ').append(string(l)));
            out.append(" {\n");
            arguments.forEach((name, value) -> {
                if (value instanceof Block nested) {
                    out.append(nested.render(depth + 1));
                } else {
                    out.append(indent(depth + 1)).append(name).append(" = ").append(value(value, depth + 1)).append('\n');
                }
            });
            return out.append(indent(depth)).append("}\n").toString();
        }
    }

    static String value(Object v, int depth) {
        return switch (v) {
            case Expr e -> e.text();
            case String s -> string(s);
            case Number n -> n.toString();
            case Boolean b -> b.toString();
            case List<?> list -> list.isEmpty() ? "[]" : "[" + String.join(", ",
                    list.stream().map(item -> value(item, depth)).toList()) + "]";
            case Map<?, ?> map -> {
                StringBuilder out = new StringBuilder("{\n");
                map.forEach((k, item) -> out.append(indent(depth + 1)).append(string(String.valueOf(k))).append(" = ")
                        .append(value(item, depth + 1)).append('\n'));
                yield out.append(indent(depth)).append('}').toString();
            }
            default -> throw new IllegalArgumentException("no HCL for " + v.getClass().getSimpleName());
        };
    }

    static String string(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean template = (c == '$' || c == '%') && i + 1 < s.length() && s.charAt(i + 1) == '{';
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(template ? String.valueOf(c) + c : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    private static String indent(int depth) {
        return "  ".repeat(depth);
    }
}
