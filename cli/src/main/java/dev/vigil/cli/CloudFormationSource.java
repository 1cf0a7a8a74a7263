package dev.vigil.cli;

import dev.vigil.iac.cloudformation.CloudFormationLoader;
import dev.vigil.iac.cloudformation.CloudFormationOptions;
import dev.vigil.iac.cloudformation.CloudFormationScan;
import java.nio.file.Path;
import java.util.List;

/** CloudFormation templates, JSON and YAML. */
final class CloudFormationSource implements TemplateSource {

    private final CloudFormationLoader loader;

    CloudFormationSource(CloudFormationOptions options) {
        this.loader = new CloudFormationLoader(options);
    }

    @Override
    public Loaded load(List<Path> paths) {
        CloudFormationScan scan = loader.load(paths);
        return new Loaded(scan.inventory(), scan.templates(), scan.suppressions()::reason);
    }
}
