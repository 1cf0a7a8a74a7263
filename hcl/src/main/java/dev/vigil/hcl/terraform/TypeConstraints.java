package dev.vigil.hcl.terraform;

import dev.vigil.hcl.BoolValue;
import dev.vigil.hcl.EvalContext;
import dev.vigil.hcl.Expr;
import dev.vigil.hcl.ListValue;
import dev.vigil.hcl.NullValue;
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
import java.util.TreeMap;

/**
 * Applies a variable's {@code type} constraint as Terraform converts values: primitives from
 * strings, lists and sets into each other, element types recursively, and object types with
 * {@code optional(type, default)} attributes filled in (absent or null optional attributes take
 * the default, or null; undeclared attributes are dropped). Values that do not fit are left as
 * they are rather than guessed.
 */
final class TypeConstraints {
    /** The strings Terraform converts to a bool (case matters: {@code "TRUE"} is refused). */
    private static final Map<String, Boolean> STRING_BOOLS =
            Map.of("true", true, "1", true, "false", false, "0", false);

    private TypeConstraints() {
    }

    static Value convert(Value v, Expr type) {
        if (type == null || v instanceof Unknown || v instanceof NullValue || v.nodes() > EvalContext.MAX_VALUE_NODES) {
            return v;
        }
        return switch (type) {
            case Expr.Variable primitive -> primitive(v, primitive.name());
            case Expr.FunctionCall f when f.args().size() == 1 && (f.name().equals("list") || f.name().equals("set")) ->
                    sequence(v, f.name().equals("set"), f.args().getFirst());
            case Expr.FunctionCall f when f.args().size() == 1 && f.name().equals("map")
                    && v instanceof ObjectValue o -> {
                Map<String, Value> out = new TreeMap<>();
                o.attributes().forEach((k, e) -> out.put(k, convert(e, f.args().getFirst())));
                yield new ObjectValue(out);
            }
            case Expr.FunctionCall f when f.name().equals("object") && f.args().size() == 1
                    && f.args().getFirst() instanceof Expr.ObjectCons spec && v instanceof ObjectValue o -> object(o,
                            spec);
            case Expr.FunctionCall f when f.name().equals("tuple") && f.args().size() == 1
                    && f.args().getFirst() instanceof Expr.TupleCons spec && v instanceof ListValue l
                    && l.elements().size() == spec.items().size() -> {
                List<Value> out = new ArrayList<>();
                for (int i = 0; i < spec.items().size(); i++) {
                    out.add(convert(l.elements().get(i), spec.items().get(i)));
                }
                yield new ListValue(out);
            }
            case Expr.FunctionCall f when f.name().equals("optional") && !f.args().isEmpty() -> convert(v, f.args()
                    .getFirst());
            default -> v;
        };
    }

    private static Value primitive(Value v, String type) {
        return switch (type) {
            case "number" -> {
                if (v instanceof StringValue s) {
                    try {
                        yield new NumberValue(new BigDecimal(s.value().strip()));
                    } catch (NumberFormatException e) {
                        yield v;
                    }
                }
                yield v;
            }
            case "bool" -> v instanceof StringValue s && STRING_BOOLS.containsKey(s.value())
                    ? BoolValue.of(STRING_BOOLS.get(s.value())) : v;
            case "string" -> switch (v) {
                case NumberValue n -> new StringValue(n.format());
                case BoolValue b -> new StringValue(Boolean.toString(b.value()));
                default -> v;
            };
            default -> v;
        };
    }

    private static Value sequence(Value v, boolean set, Expr elementType) {
        List<Value> elements = switch (v) {
            case ListValue l -> l.elements();
            case SetValue s -> s.elements();
            default -> null;
        };
        if (elements == null) {
            return v;
        }
        List<Value> out = new ArrayList<>(elements.size());
        elements.forEach(e -> out.add(convert(e, elementType)));
        return set ? new SetValue(out) : new ListValue(out);
    }

    private static Value object(ObjectValue o, Expr.ObjectCons spec) {
        Map<String, Value> out = new TreeMap<>();
        for (Expr.ObjectCons.Item item : spec.items()) {
            if (!(item.key() instanceof Expr.Literal key && key.value() instanceof StringValue name)) {
                continue;
            }
            Value present = o.attributes().get(name.value());
            Expr attributeType = item.value();
            if (present != null && !(present instanceof NullValue)) {
                out.put(name.value(), convert(present, attributeType));
            } else if (attributeType instanceof Expr.FunctionCall f && f.name().equals("optional") && !f.args()
                    .isEmpty()) {
                Value fallback = f.args().size() > 1
                        ? convert(EvalContext.empty().evaluate(f.args().get(1)), f.args().getFirst())
                                : NullValue.INSTANCE;
                out.put(name.value(), fallback);
            } else if (present != null) {
                out.put(name.value(), present);
            }
        }
        return new ObjectValue(out);
    }
}
