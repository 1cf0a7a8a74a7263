package dev.vigil.hcl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** A set: distinct elements; strings and numbers are kept in Terraform's iteration order (sorted). */
public record SetValue(List<Value> elements, long nodes) implements Value {
    public SetValue(List<Value> elements) {
        this(elements, 0);
    }

    public SetValue {
        List<Value> distinct = new ArrayList<>(new LinkedHashSet<>(elements));
        if (distinct.stream().allMatch(v -> v instanceof StringValue)) {
            distinct.sort((a, b) -> ((StringValue) a).value().compareTo(((StringValue) b).value()));
        } else if (distinct.stream().allMatch(v -> v instanceof NumberValue)) {
            distinct.sort((a, b) -> ((NumberValue) a).value().compareTo(((NumberValue) b).value()));
        }
        elements = List.copyOf(distinct);
        nodes = Value.nodes(elements);
    }

    public String typeName() {
        return "set";
    }

    @Override
    public String toString() {
        return "set" + elements;
    }
}
