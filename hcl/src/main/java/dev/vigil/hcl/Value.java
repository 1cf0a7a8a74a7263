package dev.vigil.hcl;

import java.util.Collection;

/**
 * An HCL value. Collections may hold {@link Unknown} elements; an {@link Unknown} at the top means
 * the whole value could not be determined statically.
 */
public sealed interface Value permits StringValue, NumberValue, BoolValue, NullValue, ListValue, SetValue,
        ObjectValue, Unknown {

    /** A short type name for messages: string, number, bool, null, list, set, object, unknown. */
    String typeName();

    /**
     * The number of values in this value counted as a tree, shared parts counted each time they
     * appear. The evaluator refuses values above a limit, so that structures doubled by sharing
     * cannot make a traversal exponential.
     */
    default long nodes() {
        return 1;
    }

    static long nodes(Collection<Value> values) {
        long n = 1;
        for (Value v : values) {
            n += v.nodes();
        }
        return n;
    }

    /** True when neither this value nor any nested element is unknown. */
    default boolean isWhollyKnown() {
        return switch (this) {
            case Unknown u -> false;
            case ListValue l -> l.elements().stream().allMatch(Value::isWhollyKnown);
            case SetValue s -> s.elements().stream().allMatch(Value::isWhollyKnown);
            case ObjectValue o -> o.attributes().values().stream().allMatch(Value::isWhollyKnown);
            default -> true;
        };
    }

    static Value of(String s) {
        return new StringValue(s);
    }

    static Value of(long n) {
        return NumberValue.of(n);
    }

    static Value of(boolean b) {
        return BoolValue.of(b);
    }
}
