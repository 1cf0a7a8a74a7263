package dev.vigil.iac.cloudformation;

import dev.vigil.core.model.Inventory;
import dev.vigil.iac.Suppressions;
import java.util.List;

/**
 * What a CloudFormation scan yielded.
 *
 * @param inventory    the resources of every template and the faults (unreadable or unparsable templates,
 *                     undecidable backup selections)
 * @param templates    the files recognised as templates and loaded, in path order
 * @param suppressions rule suppressions declared on the loaded resources
 */
public record CloudFormationScan(Inventory inventory, List<String> templates, Suppressions suppressions) {

    public CloudFormationScan {
        templates = List.copyOf(templates);
    }
}
