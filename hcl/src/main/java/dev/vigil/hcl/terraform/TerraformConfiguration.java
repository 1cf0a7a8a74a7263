package dev.vigil.hcl.terraform;

import dev.vigil.hcl.Value;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The evaluated configuration: resource instances, root outputs, and everything that could not be scanned. */
public record TerraformConfiguration(List<ResourceInstance> resources, Map<String, Value> outputs,
                                     List<TerraformDiagnostic> diagnostics) {
    public TerraformConfiguration {
        resources = List.copyOf(resources);
        outputs = Map.copyOf(outputs);
        diagnostics = List.copyOf(diagnostics);
    }

    public Optional<ResourceInstance> resource(String address) {
        return resources.stream().filter(r -> r.address().equals(address)).findFirst();
    }

    public List<ResourceInstance> resourcesOfType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }
}
