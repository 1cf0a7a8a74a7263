package dev.vigil.iac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.Fault;
import dev.vigil.hcl.terraform.TerraformOptions;
import dev.vigil.iac.cloudformation.CloudFormationLoader;
import dev.vigil.iac.cloudformation.CloudFormationOptions;
import dev.vigil.iac.cloudformation.CloudFormationScan;
import dev.vigil.iac.terraform.TerraformScan;
import dev.vigil.iac.terraform.TerraformScanner;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that used to lose the scan or be lost silently: a plan nested too deeply, files of gigabytes (sparse, so
 * the test needs no disk), over-size templates and plans, and a module directory reached through a link.
 */
class LoaderBoundaryTest {

    private static final String TABLE = "resource \"aws_dynamodb_table\" \"t\" {\n  name = \"t\"\n}\n";

    private static TerraformScan terraform(Path... paths) {
        return new TerraformScanner(TerraformOptions.defaults()).load(List.of(paths));
    }

    /** A sparse file of {@code size} bytes that starts with {@code head}. */
    private static Path sparse(Path file, String head, long size) throws IOException {
        Files.createDirectories(file.getParent());
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.setLength(size);
        }
        return file;
    }

    @Test
    void aPlanNestedTooDeeplyIsThatFilesErrorAndTheScanGoesOn(@TempDir Path tmp) throws IOException {
        Path plan = tmp.resolve("plan.json");
        Files.writeString(plan, "{\"format_version\": \"1.2\", \"planned_values\": " + "[".repeat(2000)
                + "]".repeat(2000) + "}");
        Path config = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(config.resolve("main.tf"), TABLE);

        TerraformScan scan = terraform(plan, config);

        assertThat(scan.inventory().all(DynamoDbTable.class)).extracting(DynamoDbTable::id)
                .containsExactly("aws_dynamodb_table.t");
        assertThat(scan.inventory().faults()).extracting(Fault::operation).containsExactly("terraform:plan");
        assertThat(scan.inventory().faults().getFirst().message()).startsWith(plan + ": ").contains("nesting depth");
    }

    @Test
    void aConfigurationFileOfGigabytesIsAnErrorWithoutBeingRead(@TempDir Path tmp) throws IOException {
        Path huge = sparse(tmp.resolve("big/huge.tf"), TABLE, (2L << 30) + 1);
        Path linked = Files.createDirectories(tmp.resolve("linked"));
        Files.createSymbolicLink(linked.resolve("x.tf"), huge);

        TerraformScan scan = terraform(tmp);

        assertThat(scan.inventory().all(DynamoDbTable.class)).isEmpty();
        assertThat(scan.inventory().faults()).extracting(Fault::operation, Fault::message).containsExactlyInAnyOrder(
                tuple("terraform:unreadable_file", huge + ":1:1: larger than the 8 MiB limit (2.0 GiB); not read; "
                        + "no check of " + tmp.resolve("big") + " can be decided"),
                tuple("terraform:unreadable_file", linked.resolve("x.tf") + ":1:1: larger than the 8 MiB limit "
                        + "(2.0 GiB); not read; no check of " + linked + " can be decided"));
    }

    @Test
    void overSizeTemplatesAndPlansAreErrorsWithTheLimit(@TempDir Path tmp) throws IOException {
        Path template = sparse(tmp.resolve("big.yaml"), "AWSTemplateFormatVersion: \"2010-09-09\"\n", 9L << 20);
        sparse(tmp.resolve("package-lock.json"), "{\"lockfileVersion\": 3}", 9L << 20);
        Path plan = sparse(tmp.resolve("plan.json"), "{\"format_version\": \"1.2\", ", 65L << 20);

        CloudFormationScan templates = new CloudFormationLoader(CloudFormationOptions.defaults()).load(List.of(tmp));
        TerraformScan plans = terraform(tmp);

        assertThat(templates.inventory().faults()).extracting(Fault::operation, Fault::message)
                .as("a large file that does not start like a template is not one").containsExactly(
                        tuple("cloudformation:read", template + ": larger than the 8 MiB limit (9 MiB); not read"));
        assertThat(plans.inventory().faults()).extracting(Fault::operation, Fault::message).containsExactly(
                tuple("terraform:plan", plan + ": larger than the 64 MiB limit (65 MiB); not read"));
    }

    @Test
    void aModuleReachedThroughALinkIsScannedOnceThroughItsCaller(@TempDir Path tmp) throws IOException {
        Path module = Files.createDirectories(tmp.resolve("modules/db"));
        Files.writeString(module.resolve("main.tf"), TABLE);
        Path prod = Files.createDirectories(tmp.resolve("envs/prod"));
        Files.createSymbolicLink(prod.resolve("shared"), module);
        Files.writeString(prod.resolve("main.tf"), "module \"db\" {\n  source = \"./shared\"\n}\n");

        TerraformScan scan = terraform(tmp, tmp.resolve("envs"));

        assertThat(scan.configurations()).containsExactly(prod.toString());
        assertThat(scan.inventory().all(DynamoDbTable.class)).extracting(DynamoDbTable::id)
                .containsExactly("module.db.aws_dynamodb_table.t");
        assertThat(scan.inventory().faults()).isEmpty();
    }
}
