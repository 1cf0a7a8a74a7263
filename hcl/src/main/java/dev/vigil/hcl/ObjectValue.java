package dev.vigil.hcl;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** A map or object. Keys iterate in lexical order, as Terraform iterates them. */
public record ObjectValue(SortedMap<String, Value> attributes, long nodes) implements Value {
    public static final ObjectValue EMPTY = new ObjectValue(Map.of());

    public ObjectValue(Map<String, Value> attributes) {
        this(new TreeMap<>(attributes), 0);
    }

    public ObjectValue {
        attributes = Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
        nodes = Value.nodes(attributes.values());
    }

    public Optional<Value> get(String key) {
        return Optional.ofNullable(attributes.get(key));
    }

    public String typeName() {
        return "object";
    }

    @Override
    public String toString() {
        return attributes.toString();
    }
}
