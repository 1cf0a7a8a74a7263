package dev.vigil.hcl.terraform;

import dev.vigil.hcl.ListValue;
import dev.vigil.hcl.ObjectValue;
import dev.vigil.hcl.SourcePos;
import dev.vigil.hcl.Unknown;
import dev.vigil.hcl.Value;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A block after evaluation: attribute values (possibly {@link Unknown}) with their positions, and
 * nested blocks by type in source order (dynamic blocks already expanded). {@code expansionBlocker}
 * is set on the single stand-in for a dynamic block whose {@code for_each} is unknown.
 */
public record EvaluatedBlock(String type, List<String> labels, SourcePos pos, Map<String, Value> attributes,
                             Map<String, SourcePos> attributePositions, Map<String, List<EvaluatedBlock>> blocks,
                             Unknown expansionBlocker) {
    public EvaluatedBlock {
        labels = List.copyOf(labels);
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        attributePositions = Collections.unmodifiableMap(new LinkedHashMap<>(attributePositions));
        Map<String, List<EvaluatedBlock>> copy = new LinkedHashMap<>();
        blocks.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        blocks = Collections.unmodifiableMap(copy);
    }

    public Optional<Value> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    public List<EvaluatedBlock> blocks(String blockType) {
        return blocks.getOrDefault(blockType, List.of());
    }

    /**
     * The block as one object value: its attributes plus, for each nested block type, a list of
     * the nested blocks' objects, as Terraform exposes a resource's nested blocks.
     */
    public ObjectValue toValue() {
        Map<String, Value> all = new LinkedHashMap<>(attributes);
        blocks.forEach((blockType, list) -> all.put(blockType, new ListValue(list.stream().map(b -> (Value) b.toValue()).toList())));
        return new ObjectValue(all);
    }

    /** The first nested block of a type, for blocks that may appear once, such as {@code point_in_time_recovery}. */
    public Optional<EvaluatedBlock> block(String blockType) {
        return blocks(blockType).stream().findFirst();
    }
}
