package dev.vigil.hcl;

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

    @Override
    public String toString() {
        return isAttribute() ? "." + attribute : "[" + Reference.keyText(key) + "]";
    }
}
