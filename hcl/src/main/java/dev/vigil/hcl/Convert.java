package dev.vigil.hcl;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Terraform's implicit conversions between primitive types, and checked access to collections. */
final class Convert {
    private Convert() {
    }

    static Value known(Value v) {
        if (v instanceof Unknown u) {
            throw new UnknownFound(u);
        }
        return v;
    }

    /** Throws {@link UnknownFound} for the first unknown nested anywhere in the value. */
    static Value whollyKnown(Value v) {
        switch (v) {
            case Unknown u -> throw new UnknownFound(u);
            case ListValue l -> l.elements().forEach(Convert::whollyKnown);
            case SetValue s -> s.elements().forEach(Convert::whollyKnown);
            case ObjectValue o -> o.attributes().values().forEach(Convert::whollyKnown);
            default -> {
            }
        }
        return v;
    }

    static String string(Value v) {
        return switch (known(v)) {
            case StringValue s -> s.value();
            case NumberValue n -> n.format();
            case BoolValue b -> Boolean.toString(b.value());
            default -> throw new EvalError("a string is required, got " + describe(v));
        };
    }

    static BigDecimal number(Value v) {
        return switch (known(v)) {
            case NumberValue n -> n.value();
            case StringValue s -> {
                try {
                    yield new BigDecimal(s.value().strip());
                } catch (NumberFormatException e) {
                    throw new EvalError("a number is required, got the string " + s);
                }
            }
            default -> throw new EvalError("a number is required, got " + describe(v));
        };
    }

    static int integer(Value v) {
        BigDecimal n = number(v);
        try {
            return n.intValueExact();
        } catch (ArithmeticException e) {
            throw new EvalError("a whole number is required, got " + n.toPlainString());
        }
    }

    static boolean bool(Value v) {
        return switch (known(v)) {
            case BoolValue b -> b.value();
            case StringValue s when s.value().equals("true") -> true;
            case StringValue s when s.value().equals("false") -> false;
            default -> throw new EvalError("a bool is required, got " + describe(v));
        };
    }

    static List<Value> elements(Value v) {
        return switch (known(v)) {
            case ListValue l -> l.elements();
            case SetValue s -> s.elements();
            default -> throw new EvalError("a list or set is required, got " + describe(v));
        };
    }

    static Map<String, Value> object(Value v) {
        if (known(v) instanceof ObjectValue o) {
            return o.attributes();
        }
        throw new EvalError("a map or object is required, got " + describe(v));
    }

    static String describe(Value v) {
        return switch (v) {
            case NullValue n -> "null";
            case StringValue s -> "the string " + s;
            case NumberValue n -> "the number " + n;
            case BoolValue b -> "the bool " + b;
            default -> "a " + v.typeName();
        };
    }
}
