package dev.vigil.cli;

import dev.vigil.core.engine.Suppression;
import dev.vigil.core.model.Inventory;
import java.nio.file.Path;
import java.util.List;

/**
 * One kind of infrastructure-as-code that {@code vigil iac} reads. Each source is given every path, finds the
 * files it recognises and skips the rest, so sources (CloudFormation now, Terraform next) add up.
 */
interface TemplateSource {

    Loaded load(List<Path> paths);

    /**
     * @param inventory   resources and faults (unreadable or unparsable files) of the recognised templates
     * @param templates   the files recognised and loaded
     * @param suppression the rule suppressions these templates declare
     */
    record Loaded(Inventory inventory, List<String> templates, Suppression suppression) {
    }
}
