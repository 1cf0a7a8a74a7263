package dev.vigil.hcl.terraform;

import dev.vigil.hcl.Range;
import dev.vigil.hcl.Reference;
import dev.vigil.hcl.RootResolver;
import dev.vigil.hcl.TraversalStep;
import dev.vigil.hcl.Unknown;
import dev.vigil.hcl.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Resolves names that are not plain variables: evaluated local modules yield their outputs;
 * resources, data sources and unscanned modules yield an {@link Unknown} carrying a {@link Reference}.
 */
final class TerraformResolver implements RootResolver {
    private final String moduleAddress;
    private final Map<String, Value> modules;

    /**
     * @param moduleAddress the module instance the expressions belong to, {@code ""} for the root
     * @param modules       values of the module calls evaluated so far, by name; read at resolution time
     */
    TerraformResolver(String moduleAddress, Map<String, Value> modules) {
        this.moduleAddress = moduleAddress;
        this.modules = modules;
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
}
