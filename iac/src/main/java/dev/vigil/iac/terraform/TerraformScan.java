package dev.vigil.iac.terraform;

import dev.vigil.core.model.Inventory;
import dev.vigil.iac.Suppressions;
import java.util.List;

/**
 * What a Terraform scan yielded.
 *
 * @param inventory      the resources of every configuration and plan, and the faults (files that do not parse,
 *                       remote modules not scanned, instances that cannot be expanded, undecidable tag tests)
 * @param configurations the root module directories and plan files loaded, in path order
 * @param suppressions   rule suppressions declared with {@code # vigil:skip=RULE-ID reason} comments
 */
public record TerraformScan(Inventory inventory, List<String> configurations, Suppressions suppressions) {

    public TerraformScan {
        configurations = List.copyOf(configurations);
    }
}
