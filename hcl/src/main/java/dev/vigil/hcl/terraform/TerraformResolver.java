package dev.vigil.hcl.terraform;

import dev.vigil.hcl.ListValue;
import dev.vigil.hcl.ObjectValue;
import dev.vigil.hcl.Range;
import dev.vigil.hcl.Reference;
import dev.vigil.hcl.RootResolver;
import dev.vigil.hcl.StringValue;
import dev.vigil.hcl.TraversalStep;
import dev.vigil.hcl.Unknown;
import dev.vigil.hcl.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Resolves names that are not plain variables: evaluated local modules yield their outputs;
 * resources, data sources and unscanned modules yield an {@link Unknown} carrying a {@link Reference}.
 */
final class TerraformResolver implements RootResolver {
    /** The instance keys of a resource declared with {@code count} ({@code counted}) or {@code for_each}. */
    record Keys(boolean counted, List<Value> keys) {
    }

    private final String moduleAddress;
    private final Map<String, Value> modules;
    private final Function<String, Keys> instances;

    /**
     * @param moduleAddress the module instance the expressions belong to, {@code ""} for the root
     * @param modules       values of the module calls evaluated so far, by name; read at resolution time
     * @param instances     by {@code TYPE.NAME}, the instance keys of a resource of this module when its
     *                      {@code count} or {@code for_each} is known; null otherwise
     */
    TerraformResolver(String moduleAddress, Map<String, Value> modules, Function<String, Keys> instances) {
        this.moduleAddress = moduleAddress;
        this.modules = modules;
        this.instances = instances;
    }

    @Override
    public Value resolve(String root, List<TraversalStep> steps, Range range) {
        return switch (root) {
            case "module" -> module(steps, range);
            case "data" -> steps.isEmpty() || !steps.getFirst().isAttribute()
                    ? new Unknown(range, "incomplete data source reference")
                    : reference(Reference.Kind.DATA, steps.getFirst().attribute(), steps.subList(1, steps.size()),
                            range);
            case "each" -> new Unknown(range, "each is only available in a block that sets for_each");
            case "count" -> new Unknown(range, "count.index is only available in a block that sets count");
            case "self" -> new Unknown(range, "self is only known while provisioning");
            default -> root.contains("_")
                    ? reference(Reference.Kind.RESOURCE, root, steps, range)
                    : new Unknown(range, "unknown name '" + root + "'");
        };
    }

    private Value module(List<TraversalStep> steps, Range range) {
        if (steps.isEmpty() || !steps.getFirst().isAttribute()) {
            return new Unknown(range, "incomplete module reference");
        }
        Value evaluated = modules.get(steps.getFirst().attribute());
        if (evaluated != null) {
            return TraversalStep.apply(evaluated, steps.subList(1, steps.size()), range);
        }
        return reference(Reference.Kind.MODULE, "", steps, range);
    }

    /** {@code steps} start at the name: {@code .name[key].attr...}. */
    private Value reference(Reference.Kind kind, String type, List<TraversalStep> steps, Range range) {
        if (steps.isEmpty() || !steps.getFirst().isAttribute()) {
            return new Unknown(range, "incomplete reference to " + (type.isEmpty() ? "a module" : type));
        }
        String name = steps.getFirst().attribute();
        Keys keys = kind == Reference.Kind.RESOURCE && (steps.size() == 1 || steps.get(1).isAttribute())
                ? instances.apply(type + "." + name) : null;
        if (keys != null) {
            return TraversalStep.apply(expanded(type, name, keys, range), steps.subList(1, steps.size()), range);
        }
        int next = 1;
        Value key = null;
        if (steps.size() > 1 && !steps.get(1).isAttribute()) {
            key = steps.get(1).key();
            next = 2;
        }
        List<String> path = new ArrayList<>();
        StringBuilder pathText = new StringBuilder();
        for (TraversalStep step : steps.subList(next, steps.size())) {
            path.add(step.isAttribute() ? step.attribute() : Reference.formatKey(step.key()));
            pathText.append(step);
        }
        Reference ref = new Reference(kind, moduleAddress, type, name, key, path);
        String why = kind == Reference.Kind.MODULE
                ? "depends on " + ref.address() + pathText + ", a module that was not evaluated"
                : "depends on " + ref.address() + pathText + ", known only after apply";
        return new Unknown(range, why, List.of(ref));
    }

    /**
     * A resource with {@code count} or {@code for_each} as Terraform sees it in an expression: a list or a map of
     * its instances, each unknown until apply but naming itself, so that {@code aws_db_instance.db[*].arn} or
     * {@code [for d in aws_db_instance.m : d.arn]} yields one reference per instance.
     */
    private Value expanded(String type, String name, Keys keys, Range range) {
        List<Value> list = new ArrayList<>();
        Map<String, Value> map = new LinkedHashMap<>();
        for (Value key : keys.keys()) {
            Reference ref = new Reference(Reference.Kind.RESOURCE, moduleAddress, type, name, key, List.of());
            Unknown instance = new Unknown(range, "depends on " + ref.address() + ", known only after apply",
                    List.of(ref));
            if (keys.counted()) {
                list.add(instance);
            } else {
                map.put(((StringValue) key).value(), instance);
            }
        }
        return keys.counted() ? new ListValue(list) : new ObjectValue(map);
    }
}
