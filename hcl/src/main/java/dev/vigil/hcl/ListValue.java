package dev.vigil.hcl;

import java.util.List;

/** A list or tuple. */
public record ListValue(List<Value> elements) implements Value {
    public static final ListValue EMPTY = new ListValue(List.of());

    public ListValue {
        elements = List.copyOf(elements);
    }

    public String typeName() {
        return "list";
    }

    @Override
    public String toString() {
        return elements.toString();
    }
}
