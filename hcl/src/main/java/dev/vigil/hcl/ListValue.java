package dev.vigil.hcl;

import java.util.List;

/** A list or tuple; {@code nodes} is derived from the elements (see {@link Value#nodes()}). */
public record ListValue(List<Value> elements, long nodes) implements Value {
    public static final ListValue EMPTY = new ListValue(List.of());

    public ListValue(List<Value> elements) {
        this(elements, 0);
    }

    public ListValue {
        elements = List.copyOf(elements);
        nodes = Value.nodes(elements);
    }

    public String typeName() {
        return "list";
    }

    @Override
    public String toString() {
        return elements.toString();
    }
}
