package dev.vigil.hcl.terraform;

import dev.vigil.hcl.Attribute;
import dev.vigil.hcl.Block;
import dev.vigil.hcl.Body;
import dev.vigil.hcl.EvalContext;
import dev.vigil.hcl.Expr;
import dev.vigil.hcl.ListValue;
import dev.vigil.hcl.NumberValue;
import dev.vigil.hcl.ObjectValue;
import dev.vigil.hcl.SetValue;
import dev.vigil.hcl.SourcePos;
import dev.vigil.hcl.StringValue;
import dev.vigil.hcl.Unknown;
import dev.vigil.hcl.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Evaluates a block body: attributes to values, nested blocks recursively, {@code dynamic} blocks expanded. */
final class BodyEvaluator {
    /** Meta-arguments that steer Terraform rather than describe the resource. */
    static final Set<String> META_ARGUMENTS = Set.of("count", "for_each", "depends_on", "provider");

    private BodyEvaluator() {
    }

    static EvaluatedBlock evaluate(Block block, EvalContext context, Set<String> skipped) {
        return evaluate(block.type(), block.labels(), block.pos(), block.body(), context, skipped, null);
    }

    private static EvaluatedBlock evaluate(String type, List<String> labels, SourcePos pos, Body body,
                                           EvalContext context, Set<String> skipped, Unknown blocker) {
        Map<String, Value> attributes = new LinkedHashMap<>();
        Map<String, SourcePos> positions = new LinkedHashMap<>();
        for (Attribute a : body.attributes().values()) {
            if (!skipped.contains(a.name())) {
                boolean names = type.equals("lifecycle") && a.name().equals("ignore_changes");
                attributes.put(a.name(), names ? attributeNames(a.expr(), context) : context.evaluate(a.expr()));
                positions.put(a.name(), a.pos());
            }
        }
        Map<String, List<EvaluatedBlock>> blocks = new LinkedHashMap<>();
        for (Block nested : body.blocks()) {
            if (nested.type().equals("dynamic") && !nested.labels().isEmpty()) {
                String generated = nested.labels().getFirst();
                blocks.computeIfAbsent(generated, k -> new ArrayList<>()).addAll(dynamic(nested, context));
            } else {
                blocks.computeIfAbsent(nested.type(), k -> new ArrayList<>())
                        .add(evaluate(nested.type(), nested.labels(), nested.pos(), nested.body(), context,
                                Set.of(), null));
            }
        }
        return new EvaluatedBlock(type, labels, pos, attributes, positions, blocks, blocker);
    }

    /**
     * {@code ignore_changes} lists attribute names written as bare traversals ({@code [tags]}) or
     * the keyword {@code all}; they name attributes rather than refer to values.
     */
    private static Value attributeNames(Expr expr, EvalContext context) {
        if (expr instanceof Expr.Variable v) {
            return new StringValue(v.name());
        }
        if (!(expr instanceof Expr.TupleCons tuple)) {
            return context.evaluate(expr);
        }
        List<Value> names = new ArrayList<>();
        for (Expr item : tuple.items()) {
            names.add(item instanceof Expr.Variable || item instanceof Expr.GetAttr || item instanceof Expr.Index
                    ? new StringValue(item.text()) : context.evaluate(item));
        }
        return new ListValue(names);
    }

    private static List<EvaluatedBlock> dynamic(Block dynamic, EvalContext context) {
        String type = dynamic.labels().getFirst();
        Body body = dynamic.body();
        List<Block> contents = body.blocks("content");
        if (contents.isEmpty()) {
            return List.of();
        }
        Block content = contents.getFirst();
        String iterator = body.attribute("iterator").map(Attribute::expr)
                .filter(e -> e instanceof Expr.Variable).map(e -> ((Expr.Variable) e).name()).orElse(type);
        Value forEach = body.attribute("for_each").map(a -> context.evaluate(a.expr())).orElse(ListValue.EMPTY);
        List<Map.Entry<Value, Value>> entries = new ArrayList<>();
        switch (forEach) {
            case Unknown u -> {
                EvalContext inner = context.withVariable(iterator, new ObjectValue(Map.of("key", u, "value", u)));
                return List.of(evaluate(type, labels(body, inner), content.pos(), content.body(), inner, Set.of(), u));
            }
            case ListValue l -> {
                for (int i = 0; i < l.elements().size(); i++) {
                    entries.add(Map.entry(NumberValue.of(i), l.elements().get(i)));
                }
            }
            case SetValue s -> s.elements().forEach(e -> entries.add(Map.entry(e, e)));
            case ObjectValue o -> o.attributes().forEach((k, v) -> entries.add(Map.entry(new StringValue(k), v)));
            default -> {
                return List.of();
            }
        }
        List<EvaluatedBlock> out = new ArrayList<>(entries.size());
        for (Map.Entry<Value, Value> e : entries) {
            ObjectValue element = new ObjectValue(Map.of("key", e.getKey(), "value", e.getValue()));
            EvalContext inner = context.withVariable(iterator, element);
            out.add(evaluate(type, labels(body, inner), content.pos(), content.body(), inner, Set.of(), null));
        }
        return out;
    }

    /** The dynamic block's {@code labels}; an unknown label is shown as its interpolated expression. */
    private static List<String> labels(Body dynamicBody, EvalContext context) {
        Attribute labels = dynamicBody.attribute("labels").orElse(null);
        if (labels == null) {
            return List.of();
        }
        Value v = context.evaluate(labels.expr());
        if (!(v instanceof ListValue l)) {
            return List.of(v instanceof Unknown u ? "${" + u.expression() + "}" : v.toString());
        }
        List<String> out = new ArrayList<>();
        for (Value label : l.elements()) {
            out.add(switch (label) {
                case StringValue s -> s.value();
                case Unknown u -> "${" + u.expression() + "}";
                default -> label.toString();
            });
        }
        return out;
    }
}
