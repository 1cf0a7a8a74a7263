package dev.vigil.hcl;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Tree-walking evaluator: pure, bounded by the context's step budget and a depth limit. */
final class Evaluator {
    static final int MAX_DEPTH = 1024;
    static final int MAX_STRING = 4 * 1024 * 1024;
    static final long MAX_NODES = EvalContext.MAX_VALUE_NODES;
    private static final String SPLAT_ITEM = "*";

    /** Names bound by for expressions, template for directives and splats. */
    private record Scope(String name, Value value, Scope parent) {
        Value lookup(String wanted) {
            for (Scope s = this; s != null; s = s.parent) {
                if (s.name.equals(wanted)) {
                    return s.value;
                }
            }
            return null;
        }
    }

    private final EvalContext context;
    private int depth;

    Evaluator(EvalContext context) {
        this.context = context;
    }

    Value evaluate(Expr expr) {
        try {
            return eval(expr, null);
        } catch (EvalError e) {
            Range at = e.range() != null ? e.range() : expr.range();
            return new Unknown(at, e.getMessage());
        } catch (UnknownFound u) {
            return u.unknown();
        } catch (BudgetExhausted e) {
            return new Unknown(expr.range(), e.getMessage());
        } catch (StackOverflowError e) {
            return new Unknown(expr.range(), "expression too deeply nested to evaluate");
        }
    }

    private Value eval(Expr expr, Scope scope) {
        context.budget().spend();
        if (++depth > MAX_DEPTH) {
            depth--;
            throw new EvalError("expression too deeply nested to evaluate");
        }
        try {
            return dispatch(expr, scope);
        } catch (EvalError e) {
            throw e.locate(expr.range());
        } catch (ArithmeticException e) {
            throw new EvalError("arithmetic error: " + e.getMessage()).locate(expr.range());
        } finally {
            depth--;
        }
    }

    private Value dispatch(Expr expr, Scope scope) {
        return switch (expr) {
            case Expr.Literal l -> l.value();
            case Expr.Template t -> template(t, scope);
            case Expr.TemplateIf t -> templateIf(t, scope);
            case Expr.TemplateFor t -> templateFor(t, scope);
            case Expr.Variable v -> variable(v, scope);
            case Expr.GetAttr g -> traversal(g, scope);
            case Expr.Index i -> traversal(i, scope);
            case Expr.Splat s -> bounded(splat(s, scope));
            case Expr.SplatItem s -> splatItem(scope);
            case Expr.TupleCons t -> {
                List<Value> items = new ArrayList<>(t.items().size());
                for (Expr item : t.items()) {
                    items.add(eval(item, scope));
                }
                yield bounded(new ListValue(items));
            }
            case Expr.ObjectCons o -> bounded(object(o, scope));
            case Expr.FunctionCall f -> bounded(call(f, scope));
            case Expr.ForExpr f -> bounded(forExpr(f, scope));
            case Expr.Conditional c -> conditional(c, scope);
            case Expr.Binary b -> binary(b, scope);
            case Expr.Unary u -> unary(u, scope);
            case Expr.Parens p -> eval(p.inner(), scope);
        };
    }

    /**
     * Refuses a newly built value above the size limit. Looking up existing values is not
     * checked (large aggregates such as all locals may be traversed); walking them is, where
     * functions, equality and conditionals take their arguments.
     */
    private static Value bounded(Value v) {
        if (v.nodes() > MAX_NODES) {
            throw new EvalError("value larger than " + MAX_NODES + " elements");
        }
        return v;
    }

    // ---- templates ----

    private Value template(Expr.Template t, Scope scope) {
        if (t.parts().size() == 1 && isInterpolation(t.parts().getFirst())) {
            return eval(t.parts().getFirst(), scope);
        }
        StringBuilder out = new StringBuilder();
        List<Unknown> unknowns = new ArrayList<>();
        for (Expr part : t.parts()) {
            Value v = eval(part, scope);
            if (v instanceof Unknown u) {
                unknowns.add(u);
            } else if (unknowns.isEmpty()) {
                append(out, v, part);
            }
        }
        return unknowns.isEmpty() ? new StringValue(out.toString()) : Unknown.combine(unknowns);
    }

    /** Literal text chunks are string literals; an interpolated {@code ${true}} is a non-string literal. */
    private static boolean isInterpolation(Expr part) {
        return !(part instanceof Expr.Literal l && l.value() instanceof StringValue)
                && !(part instanceof Expr.TemplateIf) && !(part instanceof Expr.TemplateFor);
    }

    private static void append(StringBuilder out, Value v, Expr part) {
        if (v instanceof NullValue) {
            throw new EvalError("cannot interpolate a null value").locate(part.range());
        }
        if (!(v instanceof StringValue || v instanceof NumberValue || v instanceof BoolValue)) {
            throw new EvalError("cannot interpolate " + Convert.describe(v) + "; a string is required")
                    .locate(part.range());
        }
        out.append(Convert.string(v));
        if (out.length() > MAX_STRING) {
            throw new EvalError("template result longer than " + MAX_STRING + " characters");
        }
    }

    private Value templateIf(Expr.TemplateIf t, Scope scope) {
        Value condition = eval(t.condition(), scope);
        if (condition instanceof Unknown u) {
            return u;
        }
        return eval(bool(condition, t.condition()) ? t.then() : t.otherwise(), scope);
    }

    private Value templateFor(Expr.TemplateFor t, Scope scope) {
        Value collection = eval(t.collection(), scope);
        if (collection instanceof Unknown u) {
            return u;
        }
        StringBuilder out = new StringBuilder();
        List<Unknown> unknowns = new ArrayList<>();
        for (Map.Entry<Value, Value> e : iterate(collection, t.collection())) {
            Scope inner = bind(scope, t.keyVar(), e.getKey(), t.valueVar(), e.getValue());
            Value v = eval(t.body(), inner);
            if (v instanceof Unknown u) {
                unknowns.add(u);
            } else if (unknowns.isEmpty()) {
                append(out, v, t.body());
            }
        }
        return unknowns.isEmpty() ? new StringValue(out.toString()) : Unknown.combine(unknowns);
    }

    // ---- names and traversals ----

    private Value variable(Expr.Variable v, Scope scope) {
        Value local = scope == null ? null : scope.lookup(v.name());
        if (local != null) {
            return local;
        }
        Value global = context.variables().get(v.name());
        if (global != null) {
            return global;
        }
        return context.resolver().resolve(v.name(), List.of(), v.range());
    }

    private boolean bound(String name, Scope scope) {
        return (scope != null && scope.lookup(name) != null) || context.variables().containsKey(name);
    }

    private Value traversal(Expr expr, Scope scope) {
        List<Expr> chain = new ArrayList<>();
        Expr root = expr;
        while (root instanceof Expr.GetAttr || root instanceof Expr.Index) {
            chain.add(root);
            root = root instanceof Expr.GetAttr g ? g.source() : ((Expr.Index) root).source();
        }
        if (root instanceof Expr.Variable v && !bound(v.name(), scope)) {
            List<TraversalStep> steps = new ArrayList<>(chain.size());
            for (int i = chain.size() - 1; i >= 0; i--) {
                Expr step = chain.get(i);
                steps.add(step instanceof Expr.GetAttr g ? TraversalStep.attribute(g.name())
                        : TraversalStep.index(eval(((Expr.Index) step).key(), scope)));
            }
            return context.resolver().resolve(v.name(), steps, expr.range());
        }
        if (expr instanceof Expr.GetAttr g) {
            return getAttr(eval(g.source(), scope), g.name());
        }
        Expr.Index index = (Expr.Index) expr;
        Value source = eval(index.source(), scope);
        Value key = eval(index.key(), scope);
        return index(source, key);
    }

    static Value getAttr(Value source, String name) {
        return switch (source) {
            case Unknown u when u.references().size() == 1 -> u.attribute(name);
            case Unknown u -> u;
            case ObjectValue o -> o.get(name).orElseThrow(() -> new EvalError("unsupported attribute '" + name + "'"));
            case NullValue n -> throw new EvalError("cannot access attribute '" + name + "' of a null value");
            default -> throw new EvalError("cannot access attribute '" + name + "' of " + Convert.describe(source));
        };
    }

    static Value index(Value source, Value key) {
        if (source instanceof Unknown u) {
            return u;
        }
        if (key instanceof Unknown u) {
            return u;
        }
        return switch (source) {
            case ListValue l -> {
                int i = Convert.integer(key);
                if (i < 0 || i >= l.elements().size()) {
                    throw new EvalError("index " + i + " out of range for a list of " + l.elements().size()
                            + " elements");
                }
                yield l.elements().get(i);
            }
            case ObjectValue o -> {
                String k = Convert.string(key);
                yield o.get(k).orElseThrow(() -> new EvalError("the map has no element for the key " + Json.quote(k)));
            }
            case NullValue n -> throw new EvalError("cannot index a null value");
            default -> throw new EvalError("cannot index " + Convert.describe(source));
        };
    }

    private Value splat(Expr.Splat s, Scope scope) {
        Value source = eval(s.source(), scope);
        return switch (source) {
            case Unknown u -> u;
            case NullValue n -> ListValue.EMPTY;
            case ListValue l -> new ListValue(eachOf(l.elements(), s, scope));
            case SetValue set -> new ListValue(eachOf(set.elements(), s, scope));
            default -> new ListValue(eachOf(List.of(source), s, scope));
        };
    }

    private static Value splatItem(Scope scope) {
        Value item = scope == null ? null : scope.lookup(SPLAT_ITEM);
        if (item == null) {
            throw new EvalError("splat element used outside a splat");
        }
        return item;
    }

    private List<Value> eachOf(List<Value> elements, Expr.Splat s, Scope scope) {
        List<Value> out = new ArrayList<>(elements.size());
        for (Value element : elements) {
            out.add(eval(s.each(), new Scope(SPLAT_ITEM, element, scope)));
        }
        return out;
    }

    // ---- constructors ----

    private Value object(Expr.ObjectCons o, Scope scope) {
        Map<String, Value> attributes = new TreeMap<>();
        for (Expr.ObjectCons.Item item : o.items()) {
            Value key = eval(item.key(), scope);
            if (key instanceof Unknown u) {
                return u;
            }
            if (key instanceof NullValue) {
                throw new EvalError("an object key cannot be null").locate(item.key().range());
            }
            attributes.put(Convert.string(key), eval(item.value(), scope));
        }
        return new ObjectValue(attributes);
    }

    private Value forExpr(Expr.ForExpr f, Scope scope) {
        Value collection = eval(f.collection(), scope);
        if (collection instanceof Unknown u) {
            return u;
        }
        List<Value> tuple = new ArrayList<>();
        Map<String, Value> object = new LinkedHashMap<>();
        Map<String, List<Value>> groups = new LinkedHashMap<>();
        for (Map.Entry<Value, Value> e : iterate(collection, f.collection())) {
            Scope inner = bind(scope, f.keyVar(), e.getKey(), f.valueVar(), e.getValue());
            if (f.condition() != null) {
                Value keep = eval(f.condition(), inner);
                if (keep instanceof Unknown u) {
                    return u;
                }
                if (!bool(keep, f.condition())) {
                    continue;
                }
            }
            if (f.keyExpr() == null) {
                tuple.add(eval(f.valueExpr(), inner));
                continue;
            }
            Value key = eval(f.keyExpr(), inner);
            if (key instanceof Unknown u) {
                return u;
            }
            String k = Convert.string(key);
            Value value = eval(f.valueExpr(), inner);
            if (f.grouping()) {
                groups.computeIfAbsent(k, x -> new ArrayList<>()).add(value);
            } else if (object.putIfAbsent(k, value) != null) {
                throw new EvalError("duplicate key " + Json.quote(k)
                        + " in the for expression; use '...' to group values")
                        .locate(f.keyExpr().range());
            }
        }
        if (f.keyExpr() == null) {
            return new ListValue(tuple);
        }
        if (f.grouping()) {
            groups.forEach((k, values) -> object.put(k, new ListValue(values)));
        }
        return new ObjectValue(object);
    }

    /** Key/value pairs of a collection: index and element for lists, element twice for sets, key and value for maps. */
    private static List<Map.Entry<Value, Value>> iterate(Value collection, Expr at) {
        List<Map.Entry<Value, Value>> out = new ArrayList<>();
        switch (collection) {
            case ListValue l -> {
                for (int i = 0; i < l.elements().size(); i++) {
                    out.add(Map.entry(NumberValue.of(i), l.elements().get(i)));
                }
            }
            case SetValue s -> s.elements().forEach(v -> out.add(Map.entry(v, v)));
            case ObjectValue o -> o.attributes().forEach((k, v) -> out.add(Map.entry(new StringValue(k), v)));
            default -> throw new EvalError("cannot iterate over " + Convert.describe(collection)).locate(at.range());
        }
        return out;
    }

    private static Scope bind(Scope scope, String keyVar, Value key, String valueVar, Value value) {
        Scope withKey = keyVar == null ? scope : new Scope(keyVar, key, scope);
        return new Scope(valueVar, value, withKey);
    }

    // ---- calls ----

    private Value call(Expr.FunctionCall f, Scope scope) {
        switch (f.name()) {
            case "try" -> {
                return tryCall(f, scope);
            }
            case "can" -> {
                if (f.args().size() != 1) {
                    throw new EvalError("can() takes exactly one argument");
                }
                try {
                    Value v = eval(f.args().getFirst(), scope);
                    return v instanceof Unknown u ? u : BoolValue.TRUE;
                } catch (EvalError e) {
                    return BoolValue.FALSE;
                }
            }
            default -> {
            }
        }
        HclFunction function = context.functions().get(f.name());
        if (function == null) {
            String why = Functions.IMPURE.contains(f.name())
                    ? f.name() + "() reads files, the clock or randomness; a static scan does not evaluate it"
                    : "function " + f.name() + "() is not evaluated by the static scanner";
            return new Unknown(f.range(), why);
        }
        List<Value> args = new ArrayList<>(f.args().size());
        List<Unknown> unknowns = new ArrayList<>();
        for (int i = 0; i < f.args().size(); i++) {
            Value v = eval(f.args().get(i), scope);
            if (f.expandFinal() && i == f.args().size() - 1 && !(v instanceof Unknown)) {
                args.addAll(Convert.elements(v));
            } else {
                args.add(v);
            }
            if (v instanceof Unknown u) {
                unknowns.add(u);
            }
        }
        if (!unknowns.isEmpty()) {
            return Unknown.combine(unknowns);
        }
        if (Value.nodes(args) > MAX_NODES) {
            throw new EvalError("arguments larger than " + MAX_NODES + " elements");
        }
        try {
            return function.call(args);
        } catch (UnknownFound u) {
            return u.unknown();
        } catch (EvalError e) {
            throw new EvalError(f.name() + "(): " + e.getMessage()).locate(f.range());
        }
    }

    private Value tryCall(Expr.FunctionCall f, Scope scope) {
        if (f.args().isEmpty()) {
            throw new EvalError("try() needs at least one argument");
        }
        for (Expr arg : f.args()) {
            try {
                return eval(arg, scope);
            } catch (EvalError e) {
                // try the next alternative
            }
        }
        throw new EvalError("try(): no argument could be evaluated without an error");
    }

    // ---- operators ----

    private Value conditional(Expr.Conditional c, Scope scope) {
        Value condition = eval(c.condition(), scope);
        if (condition instanceof Unknown u) {
            Value then;
            Value otherwise;
            try {
                then = eval(c.then(), scope);
                otherwise = eval(c.otherwise(), scope);
            } catch (EvalError e) {
                // a branch that might not be selected may legitimately fail, e.g. list[0] guarded by length(list) > 0
                return u;
            }
            return bounded(then).isWhollyKnown() && then.equals(bounded(otherwise)) ? then : u;
        }
        return eval(bool(condition, c.condition()) ? c.then() : c.otherwise(), scope);
    }

    private Value binary(Expr.Binary b, Scope scope) {
        Value left = eval(b.left(), scope);
        if (b.op() == Expr.Operator.AND || b.op() == Expr.Operator.OR) {
            boolean shortCircuit = b.op() == Expr.Operator.OR;
            if (!(left instanceof Unknown) && bool(left, b.left()) == shortCircuit) {
                return BoolValue.of(shortCircuit);
            }
            Value right = eval(b.right(), scope);
            if (right instanceof Unknown ru) {
                return left instanceof Unknown lu ? Unknown.combine(List.of(lu, ru)) : ru;
            }
            boolean r = bool(right, b.right());
            if (left instanceof Unknown lu) {
                return r == shortCircuit ? BoolValue.of(shortCircuit) : lu;
            }
            return BoolValue.of(r);
        }
        Value right = eval(b.right(), scope);
        if (b.op() == Expr.Operator.EQ || b.op() == Expr.Operator.NE) {
            bounded(left);
            bounded(right);
            if (!left.isWhollyKnown() || !right.isWhollyKnown()) {
                return firstUnknown(left, right);
            }
            return BoolValue.of(left.equals(right) == (b.op() == Expr.Operator.EQ));
        }
        if (left instanceof Unknown || right instanceof Unknown) {
            return firstUnknown(left, right);
        }
        BigDecimal l = number(left, b.left());
        BigDecimal r = number(right, b.right());
        MathContext mc = MathContext.DECIMAL128;
        return switch (b.op()) {
            case ADD -> number(l.add(r, mc));
            case SUB -> number(l.subtract(r, mc));
            case MUL -> number(l.multiply(r, mc));
            case DIV -> {
                if (r.signum() == 0) {
                    throw new EvalError("division by zero");
                }
                yield number(l.divide(r, mc));
            }
            case MOD -> {
                if (r.signum() == 0) {
                    throw new EvalError("modulo by zero");
                }
                yield number(l.remainder(r, mc));
            }
            case LT -> BoolValue.of(l.compareTo(r) < 0);
            case LE -> BoolValue.of(l.compareTo(r) <= 0);
            case GT -> BoolValue.of(l.compareTo(r) > 0);
            case GE -> BoolValue.of(l.compareTo(r) >= 0);
            default -> throw new IllegalStateException(b.op().name());
        };
    }

    private static Value firstUnknown(Value left, Value right) {
        List<Unknown> unknowns = new ArrayList<>(2);
        for (Value v : List.of(left, right)) {
            try {
                Convert.whollyKnown(v);
            } catch (UnknownFound u) {
                unknowns.add(u.unknown());
            }
        }
        return Unknown.combine(unknowns);
    }

    private static Value number(BigDecimal n) {
        if (Math.abs((long) n.scale()) > 100_000) {
            throw new EvalError("number out of range");
        }
        return new NumberValue(n);
    }

    private Value unary(Expr.Unary u, Scope scope) {
        Value operand = eval(u.operand(), scope);
        if (operand instanceof Unknown unknown) {
            return unknown;
        }
        return u.op() == Expr.Operator.NOT ? BoolValue.of(!bool(operand, u.operand()))
                : new NumberValue(number(operand, u.operand()).negate());
    }

    private static boolean bool(Value v, Expr at) {
        try {
            return Convert.bool(v);
        } catch (EvalError e) {
            throw e.locate(at.range());
        }
    }

    private static BigDecimal number(Value v, Expr at) {
        try {
            return Convert.number(v);
        } catch (EvalError e) {
            throw e.locate(at.range());
        }
    }
}
