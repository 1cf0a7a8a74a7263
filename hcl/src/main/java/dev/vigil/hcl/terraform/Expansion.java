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
        if (v instanceof Unknown u) {
            return blocked(u, "count", context);
        }
        int size;
        try {
            BigDecimal n = v instanceof StringValue s ? new BigDecimal(s.value().strip())
                    : v instanceof NumberValue number ? number.value() : null;
            size = n == null ? -1 : n.intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            size = -1;
        }
        if (size < 0 || size > ScanRun.MAX_INSTANCES) {
            String why = "count must be a whole number from 0 to " + ScanRun.MAX_INSTANCES + ", got " + v;
            return blocked(new Unknown(count.expr().range(), why), "count", context);
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
        if (v instanceof Unknown u) {
            return blocked(u, "each", context);
        }
        List<Map.Entry<Value, Value>> entries = v.nodes() > EvalContext.MAX_VALUE_NODES ? null : switch (v) {
            case ObjectValue o -> o.attributes().entrySet().stream()
                    .map(e -> Map.entry((Value) new StringValue(e.getKey()), e.getValue())).toList();
            case SetValue s -> s.elements().stream().map(e -> Map.entry(e, e)).toList();
            case ListValue l -> new SetValue(l.elements()).elements().stream().map(e -> Map.entry(e, e)).toList();
            default -> null;
        };
        if (entries == null || entries.size() > ScanRun.MAX_INSTANCES) {
            String why = "for_each must be a map or a set of strings with at most " + ScanRun.MAX_INSTANCES
                    + " elements, got " + (entries == null ? v.typeName() : entries.size() + " elements");
            return blocked(new Unknown(forEach.expr().range(), why), "each", context);
        }
        List<Instance> out = new ArrayList<>(entries.size());
        for (Map.Entry<Value, Value> e : entries) {
            if (e.getKey() instanceof Unknown u) {
                return blocked(u, "each", context);
            }
            if (!(e.getKey() instanceof StringValue)) {
                String why = "for_each set elements must be strings, got " + e.getKey();
                return blocked(new Unknown(forEach.expr().range(), why), "each", context);
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
