package dev.vigil.hcl;

import java.util.HashMap;
import java.util.Map;

/**
 * What an expression may see: root variables ({@code var}, {@code local}, {@code each}, ...),
 * functions, the resolver for other root names, and the step budget.
 */
public final class EvalContext {
    public static final long DEFAULT_STEPS = 1_000_000;
    /** The largest value (in {@link Value#nodes()}) that evaluation builds or walks. */
    public static final long MAX_VALUE_NODES = 1_000_000;

    private final Map<String, Value> variables;
    private final Functions functions;
    private final RootResolver resolver;
    private final Budget budget;

    private EvalContext(Map<String, Value> variables, Functions functions, RootResolver resolver, Budget budget) {
        this.variables = Map.copyOf(variables);
        this.functions = functions;
        this.resolver = resolver;
        this.budget = budget;
    }

    public static EvalContext empty() {
        return new EvalContext(Map.of(), Functions.standard(), RootResolver.UNKNOWN_VARIABLE,
                new Budget(DEFAULT_STEPS));
    }

    public EvalContext withVariable(String name, Value value) {
        Map<String, Value> copy = new HashMap<>(variables);
        copy.put(name, value);
        return new EvalContext(copy, functions, resolver, budget);
    }

    public EvalContext withResolver(RootResolver resolver) {
        return new EvalContext(variables, functions, resolver, budget);
    }

    public EvalContext withBudget(Budget budget) {
        return new EvalContext(variables, functions, resolver, budget);
    }

    public Map<String, Value> variables() {
        return variables;
    }

    public Functions functions() {
        return functions;
    }

    public RootResolver resolver() {
        return resolver;
    }

    public Budget budget() {
        return budget;
    }

    /** Evaluates an expression; never throws: failures become an {@link Unknown} naming the failing expression. */
    public Value evaluate(Expr expr) {
        return new Evaluator(this).evaluate(expr);
    }
}
