package dev.vigil.hcl;

import java.util.List;

/** One step after a root name: an attribute ({@code .name}) or an index key ({@code [key]}). */
public record TraversalStep(String attribute, Value key) {
    public static TraversalStep attribute(String name) {
        return new TraversalStep(name, null);
    }

    public static TraversalStep index(Value key) {
        return new TraversalStep(null, key);
    }

    public boolean isAttribute() {
        return attribute != null;
    }

    /**
     * Applies steps to a value as the evaluator would; an error (missing attribute, bad index)
     * becomes an {@link Unknown} located at {@code range}.
     */
    public static Value apply(Value value, List<TraversalStep> steps, Range range) {
        try {
            Value v = value;
            for (TraversalStep step : steps) {
                v = step.isAttribute() ? Evaluator.getAttr(v, step.attribute()) : Evaluator.index(v, step.key());
            }
            return v;
        } catch (EvalError e) {
            return new Unknown(range, e.getMessage());
        } catch (UnknownFound u) {
            return u.unknown();
        }
    }

    @Override
    public String toString() {
        return isAttribute() ? "." + attribute : Reference.formatKey(key);
    }
}
