package dev.vigil.cli;

import dev.vigil.iac.cloudformation.CloudFormationLoader;
import dev.vigil.iac.cloudformation.CloudFormationOptions;
import dev.vigil.iac.cloudformation.CloudFormationScan;
import java.nio.file.Path;
import java.util.List;

/** CloudFormation templates, JSON and YAML. */
final class CloudFormationSource implements TemplateSource {

    private final CloudFormationLoader loader;
    private final Path root;

    /** @param root nothing outside it is read; null: each path's repository */
    CloudFormationSource(CloudFormationOptions options, Path root) {
        this.loader = new CloudFormationLoader(options);
        this.root = root;
    }

    @Override
    public Loaded load(List<Path> paths) {
        CloudFormationScan scan = loader.load(paths, root);
        return new Loaded(scan.inventory(), scan.templates(), scan.suppressions()::reason);
    }
}
