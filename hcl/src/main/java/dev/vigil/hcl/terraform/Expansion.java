package dev.vigil.hcl.terraform;

import dev.vigil.hcl.Attribute;
import dev.vigil.hcl.Body;
import dev.vigil.hcl.EvalContext;
import dev.vigil.hcl.ListValue;
import dev.vigil.hcl.NullValue;
import dev.vigil.hcl.NumberValue;
import dev.vigil.hcl.ObjectValue;
import dev.vigil.hcl.Range;
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

    /**
     * @param diagnostics where a {@code count} or {@code for_each} that Terraform would refuse is reported; the block
     *                    then stands for its instances once, as when the value is unknown
     */
    static List<Instance> expand(Body body, EvalContext context, List<TerraformDiagnostic> diagnostics) {
        Optional<Attribute> count = body.attribute("count");
        if (count.isPresent()) {
            return byCount(count.get(), context, diagnostics);
        }
        Optional<Attribute> forEach = body.attribute("for_each");
        if (forEach.isPresent()) {
            return byForEach(forEach.get(), context, diagnostics);
        }
        return List.of(new Instance(null, context, null));
    }

    private static List<Instance> byCount(Attribute count, EvalContext context, List<TerraformDiagnostic> diagnostics) {
        Value v = context.evaluate(count.expr());
        if (v instanceof Unknown u) {
            return blocked(u, "count", context);
        }
        BigDecimal n;
        try {
            n = v instanceof StringValue s ? new BigDecimal(s.value().strip())
                    : v instanceof NumberValue number ? number.value() : null;
        } catch (NumberFormatException e) {
            n = null;
        }
        String invalid = v instanceof NullValue ? "count must not be null"
                : n == null ? "count must be a whole number, got " + v
                : n.signum() < 0 ? "count must not be negative, got " + n
                : n.stripTrailingZeros().scale() > 0 ? "count must be a whole number, got " + n : null;
        if (invalid != null) {
            return invalid(count, invalid, "count", context, diagnostics);
        }
        if (n.compareTo(BigDecimal.valueOf(ScanRun.MAX_INSTANCES)) > 0) {
            return overCap(count, "count = " + n, "count", context);
        }
        int size = n.intValueExact();
        List<Instance> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Value index = NumberValue.of(i);
            out.add(new Instance(index, context.withVariable("count", new ObjectValue(Map.of("index", index))), null));
        }
        return out;
    }

    private static List<Instance> byForEach(Attribute forEach, EvalContext context,
                                            List<TerraformDiagnostic> diagnostics) {
        Value v = context.evaluate(forEach.expr());
        if (v instanceof Unknown u) {
            return blocked(u, "each", context);
        }
        if (v.nodes() > EvalContext.MAX_VALUE_NODES) {
            return overCap(forEach, "for_each of more than " + EvalContext.MAX_VALUE_NODES + " values", "each",
                    context);
        }
        List<Map.Entry<Value, Value>> entries = switch (v) {
            case ObjectValue o -> o.attributes().entrySet().stream()
                    .map(e -> Map.entry((Value) new StringValue(e.getKey()), e.getValue())).toList();
            case SetValue s -> s.elements().stream().map(e -> Map.entry(e, e)).toList();
            default -> null;
        };
        if (entries == null) {
            return invalid(forEach, "for_each must be a map or a set of strings, got " + v.typeName()
                    + (v instanceof ListValue ? "; toset() makes one a set" : ""), "each", context, diagnostics);
        }
        for (Map.Entry<Value, Value> e : entries) {
            if (e.getKey() instanceof Unknown u) {
                return blocked(u, "each", context);
            }
            if (!(e.getKey() instanceof StringValue)) {
                return invalid(forEach, "for_each set elements must be strings, got " + e.getKey().typeName() + " "
                        + e.getKey(), "each", context, diagnostics);
            }
        }
        if (entries.size() > ScanRun.MAX_INSTANCES) {
            return overCap(forEach, "for_each of " + entries.size() + " elements", "each", context);
        }
        List<Instance> out = new ArrayList<>(entries.size());
        for (Map.Entry<Value, Value> e : entries) {
            ObjectValue each = new ObjectValue(Map.of("key", e.getKey(), "value", e.getValue()));
            out.add(new Instance(e.getKey(), context.withVariable("each", each), null));
        }
        return out;
    }

    /** A value Terraform refuses: reported, and the block stands for its instances once. */
    private static List<Instance> invalid(Attribute argument, String why, String variable, EvalContext context,
                                          List<TerraformDiagnostic> diagnostics) {
        diagnostics.add(new TerraformDiagnostic(TerraformDiagnostic.Kind.INVALID_EXPANSION, why, argument.pos()));
        return blocked(new Unknown(argument.expr().range(), why), variable, context);
    }

    /**
     * More instances than a static scan expands: Terraform would create them, so this is unknown, not an error,
     * and the blocker says the limit.
     */
    private static List<Instance> overCap(Attribute argument, String what, String variable, EvalContext context) {
        String why = what + " is more than the " + ScanRun.MAX_INSTANCES + " instances a static scan expands";
        return blocked(new Unknown(new Range(argument.expr().range().pos(), why), why), variable, context);
    }

    /** A single stand-in instance whose {@code count.index} or {@code each.key}/{@code each.value} are the blocker. */
    private static List<Instance> blocked(Unknown blocker, String variable, EvalContext context) {
        ObjectValue binding = variable.equals("count")
                ? new ObjectValue(Map.of("index", blocker))
                : new ObjectValue(Map.of("key", blocker, "value", blocker));
        return List.of(new Instance(null, context.withVariable(variable, binding), blocker));
    }
}
