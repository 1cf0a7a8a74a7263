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

    /**
     * Nested blocks of a type. A block written in attribute syntax, as {@code .tf.json} files and
     * Terraform's attributes-as-blocks allow ({@code x = {...}} or {@code x = [{...}]}), is
     * returned as blocks too; an unknown such attribute yields one block flagged with its blocker.
     */
    public List<EvaluatedBlock> blocks(String blockType) {
        List<EvaluatedBlock> nested = blocks.get(blockType);
        if (nested != null) {
            return nested;
        }
        Value v = attributes.get(blockType);
        SourcePos at = attributePositions.getOrDefault(blockType, pos);
        return switch (v) {
            case ObjectValue o -> List.of(fromObject(blockType, o, at));
            case ListValue l when !l.elements().isEmpty()
                    && l.elements().stream().allMatch(e -> e instanceof ObjectValue) ->
                    l.elements().stream().map(e -> fromObject(blockType, (ObjectValue) e, at)).toList();
            case Unknown u -> List.of(new EvaluatedBlock(blockType, List.of(), at, Map.of(), Map.of(), Map.of(), u));
            case null, default -> List.of();
        };
    }

    private static EvaluatedBlock fromObject(String type, ObjectValue o, SourcePos at) {
        Map<String, SourcePos> positions = new LinkedHashMap<>();
        o.attributes().keySet().forEach(k -> positions.put(k, at));
        return new EvaluatedBlock(type, List.of(), at, o.attributes(), positions, Map.of(), null);
    }

    /**
     * The block as one object value: its attributes plus, for each nested block type, a list of
     * the nested blocks' objects, as Terraform exposes a resource's nested blocks.
     */
    public ObjectValue toValue() {
        Map<String, Value> all = new LinkedHashMap<>(attributes);
        blocks.forEach((blockType, list) ->
                all.put(blockType, new ListValue(list.stream().map(b -> (Value) b.toValue()).toList())));
        return new ObjectValue(all);
    }

    /** The first nested block of a type, for blocks that may appear once, such as {@code point_in_time_recovery}. */
    public Optional<EvaluatedBlock> block(String blockType) {
        return blocks(blockType).stream().findFirst();
    }
}
