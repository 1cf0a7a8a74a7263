package dev.vigil.cli;

import dev.vigil.hcl.terraform.TerraformOptions;
import dev.vigil.iac.terraform.TerraformScan;
import dev.vigil.iac.terraform.TerraformScanner;
import java.nio.file.Path;
import java.util.List;

/** Terraform root modules (HCL and {@code .tf.json}) and {@code terraform show -json} plans. */
final class TerraformSource implements TemplateSource {

    private final TerraformScanner scanner;

    TerraformSource(TerraformOptions options, String region, String accountId) {
        this.scanner = new TerraformScanner(options, region, accountId);
    }

    @Override
    public Loaded load(List<Path> paths) {
        TerraformScan scan = scanner.load(paths);
        return new Loaded(scan.inventory(), scan.configurations(), scan.suppressions()::reason);
    }
}
