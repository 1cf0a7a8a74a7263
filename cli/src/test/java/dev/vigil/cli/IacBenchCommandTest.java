package dev.vigil.cli;

import static dev.vigil.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.hcl.terraform.TerraformOptions;
import dev.vigil.iac.cloudformation.CloudFormationOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's corpus is what it claims to be, and the command reports every phase (no timing asserted). */
class IacBenchCommandTest {

    @Test
    void corpusHoldsTemplatesThatLoadBrokenOnesThatFaultAndOtherFilesThatAreSkipped(@TempDir Path dir)
            throws Exception {
        TemplateCorpus.Written written = TemplateCorpus.write(dir, 500, 7);
        assertThat(written.templates() + written.broken() + written.other()).isEqualTo(500);
        assertThat(written.broken()).isPositive();
        assertThat(written.other()).isPositive();
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            assertThat(all).hasSize(500);
            assertThat(all).anyMatch(p -> p.toString().endsWith(".yaml")).anyMatch(p -> p.toString().endsWith(".json"));
            assertThat(all.stream().filter(p -> p.toString().contains("template-")).mapToLong(p -> p.toFile().length())
                    .max().orElseThrow()).isLessThan(12 * 1024);
        }
        TemplateSource.Loaded loaded = new CloudFormationSource(CloudFormationOptions.defaults(), null)
                .load(List.of(dir));
        assertThat(loaded.templates()).hasSize(written.templates());
        assertThat(loaded.inventory().faults()).hasSize(written.broken())
                .allMatch(f -> f.operation().equals("cloudformation:parse"));
    }

    @Test
    void terraformCorpusHoldsRootModulesThatLoadAndBrokenOnesThatFault(@TempDir Path dir) throws Exception {
        TerraformCorpus.Written written = TerraformCorpus.write(dir, 120, 7);
        assertThat(written.files()).isGreaterThanOrEqualTo(120);
        assertThat(written.broken()).isPositive();
        TemplateSource.Loaded loaded = new TerraformSource(TerraformOptions.defaults(), null, null).load(List.of(dir));
        assertThat(loaded.templates()).hasSize(written.roots());
        assertThat(loaded.inventory().faults()).hasSize(written.broken());
        assertThat(loaded.inventory().size()).isPositive();
    }

    @Test
    void printsFilesPerSecondPhasesAndPeakHeap(@TempDir Path dir) {
        Run r = run("bench-iac", "--files", "60", "--rounds", "1", "--keep", dir.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(Vigil.OK);
        assertThat(r.out()).contains("30 CloudFormation files").containsPattern("[0-9]+ Terraform .tf files in [0-9]+ root modules")
                .containsPattern("round 1: [0-9]+ files in [0-9.]+ s = [0-9]+ files/s")
                .containsPattern("CloudFormation [0-9]+ files/s").containsPattern("Terraform [0-9]+ files/s")
                .contains("files per CPU-second", "evaluate", "report", "peak heap");
        assertThat(dir.resolve("stack-000")).isDirectory();
    }
}
