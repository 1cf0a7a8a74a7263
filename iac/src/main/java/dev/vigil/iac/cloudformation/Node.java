package dev.vigil.iac.cloudformation;

import java.util.List;
import java.util.Map;

/**
 * One value of a template, JSON or YAML alike, with where it was written. Short-form YAML tags are already
 * rewritten to their long forms ({@code !Ref X} is a mapping {@code {Ref: X}}). After evaluation a tree
 * holds no intrinsic functions; what could not be resolved is an {@link Unresolved} naming the expression.
 */
sealed interface Node permits Node.MapNode, Node.ListNode, Node.Scalar, Node.Unresolved {

    Span span();

    /**
     * @param line  1-based line of the first character
     * @param start offset of the first character in the template text (UTF-16 units)
     * @param end   offset just past the last character
     */
    record Span(int line, int start, int end) {
    }

    /** A mapping entry; {@code line} is the line of its key. */
    record Field(String key, int line, Node value) {
    }

    /** A mapping, keys in the order written. */
    record MapNode(Map<String, Field> fields, Span span) implements Node {

        /** {@code fields} is wrapped, not copied: callers pass a map they no longer touch. */
        public MapNode {
            fields = java.util.Collections.unmodifiableMap(fields);
        }

        /** The value under {@code key}, or null when absent. */
        Node get(String key) {
            Field field = fields.get(key);
            return field == null ? null : field.value();
        }
    }

    record ListNode(List<Node> items, Span span) implements Node {

        public ListNode {
            items = List.copyOf(items);
        }
    }

    /**
     * A scalar as text ({@code text} is null for a YAML/JSON null). {@code symbolic} marks text that embeds a
     * placeholder for a value unknown before deployment, such as {@code ${AWS::Region}}: it can be compared
     * structurally (an ARN built the same way), but it is not a decided value.
     */
    record Scalar(String text, boolean symbolic, Span span) implements Node {

        Scalar(String text, Span span) {
            this(text, false, span);
        }

        /** {@code true}/{@code false} in any case, as CloudFormation reads booleans; null if not a decided boolean. */
        Boolean bool() {
            if (text == null || symbolic) {
                return null;
            }
            if (text.equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            }
            return text.equalsIgnoreCase("false") ? Boolean.FALSE : null;
        }
    }

    /** A value that cannot be known before deployment; {@code expression} is what blocked it, as written. */
    record Unresolved(String expression, Span span) implements Node {
    }
}
