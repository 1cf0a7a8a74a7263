package dev.vigil.hcl.terraform;

import dev.vigil.hcl.Attribute;
import dev.vigil.hcl.Body;
import dev.vigil.hcl.EvalContext;
import dev.vigil.hcl.ListValue;
import dev.vigil.hcl.NumberValue;
import dev.vigil.hcl.ObjectValue;
import dev.vigil.hcl.SetValue;
import dev.vigil.hcl.StringValue;
import dev.vigil.hcl.Unknown;
import dev.vigil.hcl.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Expands a resource or module block by {@code count} or {@code for_each} into instances. */
final class Expansion {
    private Expansion() {
    }

    /**
     * One instance: its key (null without count/for_each), the context with {@code count} or
     * {@code each} bound, and the blocker when the expansion itself is unknown.
     */
    record Instance(Value key, EvalContext context, Unknown blocker) {
    }

    static List<Instance> expand(Body body, EvalContext context) {
        Optional<Attribute> count = body.attribute("count");
        if (count.isPresent()) {
            return byCount(count.get(), context);
        }
        Optional<Attribute> forEach = body.attribute("for_each");
        if (forEach.isPresent()) {
            return byForEach(forEach.get(), context);
        }
        return List.of(new Instance(null, context, null));
    }

    private static List<Instance> byCount(Attribute count, EvalContext context) {
        Value v = context.evaluate(count.expr());
        if (v instanceof StringValue s) {
            try {
                v = new NumberValue(new BigDecimal(s.value().strip()));
            } catch (NumberFormatException e) {
                return blocked(new Unknown(count.expr().range(), "count must be a whole number, got " + v), "count", context);
            }
        }
        if (!(v instanceof NumberValue n)) {
            Unknown blocker = v instanceof Unknown u ? u : new Unknown(count.expr().range(), "count must be a whole number, got " + v);
            return blocked(blocker, "count", context);
        }
        int size;
        try {
            size = n.value().intValueExact();
        } catch (ArithmeticException e) {
            return blocked(new Unknown(count.expr().range(), "count must be a whole number, got " + n), "count", context);
        }
        if (size < 0 || size > ScanRun.MAX_INSTANCES) {
            return blocked(new Unknown(count.expr().range(), "count must be between 0 and " + ScanRun.MAX_INSTANCES + ", got " + size),
                    "count", context);
        }
        List<Instance> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Value index = NumberValue.of(i);
            out.add(new Instance(index, context.withVariable("count", new ObjectValue(Map.of("index", index))), null));
        }
        return out;
    }

    private static List<Instance> byForEach(Attribute forEach, EvalContext context) {
        Value v = context.evaluate(forEach.expr());
        if (v.nodes() > EvalContext.MAX_VALUE_NODES) {
            return blocked(new Unknown(forEach.expr().range(), "for_each value larger than "
                    + EvalContext.MAX_VALUE_NODES + " elements"), "each", context);
        }
        List<Map.Entry<Value, Value>> entries = new ArrayList<>();
        switch (v) {
            case Unknown u -> {
                return blocked(u, "each", context);
            }
            case ObjectValue o -> o.attributes().forEach((k, val) -> entries.add(Map.entry(new StringValue(k), val)));
            case SetValue s -> {
                for (Value e : s.elements()) {
                    entries.add(Map.entry(e, e));
                }
            }
            case ListValue l -> {
                for (Value e : new SetValue(l.elements()).elements()) {
                    entries.add(Map.entry(e, e));
                }
            }
            default -> {
                return blocked(new Unknown(forEach.expr().range(), "for_each must be a map or a set of strings, got " + v),
                        "each", context);
            }
        }
        if (entries.size() > ScanRun.MAX_INSTANCES) {
            return blocked(new Unknown(forEach.expr().range(), "for_each has more than " + ScanRun.MAX_INSTANCES + " elements"),
                    "each", context);
        }
        List<Instance> out = new ArrayList<>(entries.size());
        for (Map.Entry<Value, Value> e : entries) {
            if (e.getKey() instanceof Unknown u) {
                return blocked(u, "each", context);
            }
            if (!(e.getKey() instanceof StringValue)) {
                return blocked(new Unknown(forEach.expr().range(), "for_each set elements must be strings, got " + e.getKey()),
                        "each", context);
            }
            ObjectValue each = new ObjectValue(Map.of("key", e.getKey(), "value", e.getValue()));
            out.add(new Instance(e.getKey(), context.withVariable("each", each), null));
        }
        return out;
    }

    /** A single stand-in instance whose {@code count.index} or {@code each.key}/{@code each.value} are the blocker. */
    private static List<Instance> blocked(Unknown blocker, String variable, EvalContext context) {
        ObjectValue binding = variable.equals("count")
                ? new ObjectValue(Map.of("index", blocker))
                : new ObjectValue(Map.of("key", blocker, "value", blocker));
        return List.of(new Instance(null, context.withVariable(variable, binding), blocker));
    }
}
