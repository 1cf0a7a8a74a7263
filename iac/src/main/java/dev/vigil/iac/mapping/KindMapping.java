package dev.vigil.iac.mapping;

import dev.vigil.core.model.Resource;
import java.util.List;
import java.util.function.Function;

/**
 * How templates declare one resource kind: its CloudFormation and Terraform types, and one function from a
 * {@link Declaration} to model resources, shared by both languages.
 */
public record KindMapping(Class<? extends Resource> kind, List<String> cloudFormationTypes,
                          List<String> terraformTypes, Function<Declaration, List<? extends Resource>> map) {

    public KindMapping {
        cloudFormationTypes = List.copyOf(cloudFormationTypes);
        terraformTypes = List.copyOf(terraformTypes);
    }
}
