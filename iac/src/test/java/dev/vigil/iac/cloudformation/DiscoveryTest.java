package dev.vigil.iac.cloudformation;

import static dev.vigil.iac.cloudformation.Fixtures.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.Fault;
import dev.vigil.core.model.Origin;
import dev.vigil.core.model.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoveryTest {

    private static final String DIR = ROOT + "discovery/";

    @Test
    void findsTemplatesRecursivelyAndSkipsEverythingElse() {
        CloudFormationScan scan = Fixtures.load("discovery");

        assertThat(scan.templates()).containsExactly(DIR + "sub/nested.template", DIR + "sub/stack.yml",
                DIR + "template.yaml");
        assertThat(scan.inventory().all(DynamoDbTable.class)).extracting(Resource::id)
                .containsExactly("Nested", "Stack", "Table");
    }

    @Test
    void brokenTemplateIsAFaultWithLineWhileOthersLoad() {
        CloudFormationScan scan = Fixtures.load("discovery");
        String broken = DIR + "broken.yaml";

        assertThat(scan.inventory().faults()).hasSize(1);
        Fault fault = scan.inventory().faults().getFirst();
        assertThat(fault.origin()).isEqualTo(new Origin.Template(broken, 6, broken));
        assertThat(fault.operation()).isEqualTo("cloudformation:parse");
        assertThat(fault.message()).isEqualTo(broken + ":6: mapping values are not allowed here");
        assertThat(fault.kinds()).contains(DynamoDbTable.class);
    }

    @Test
    void brokenJsonTemplateIsAFaultWithLine() {
        CloudFormationScan scan = new CloudFormationLoader(CloudFormationOptions.defaults()).load("t.json",
                "{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n  \"Resources\": {\n    \"T\": {,}\n  }\n}\n");

        assertThat(scan.inventory().faults()).singleElement().satisfies(fault -> {
            assertThat(fault.origin()).isEqualTo(new Origin.Template("t.json", 4, "t.json"));
            assertThat(fault.message()).isEqualTo("t.json:4: Unexpected character (',' (code 44)):"
                    + " was expecting double-quote to start field name");
        });
    }

    @Test
    void parseFaultsAreOneCleanLine() {
        CloudFormationLoader loader = new CloudFormationLoader(CloudFormationOptions.defaults());

        assertThat(loader.load("t.json", "{\"Resources\": {\"T\": {\"Type\": \"AWS::DynamoDB::Table\"]}")
                .inventory().faults()).extracting(Fault::message)
                .containsExactly("t.json:1: Unexpected close marker ']': expected '}'");
        assertThat(loader.load("t.json", "{\"AWSTemplateFormatVersion\": \"a\n\"}").inventory().faults())
                .extracting(Fault::message).singleElement().asString()
                .startsWith("t.json:1: Illegal unquoted character ((CTRL-CHAR, code 10))").doesNotContain("\n");
    }

    @Test
    void toolDirectoriesAreSkippedAndALinkedFileIsLoadedOnce(@TempDir Path root) throws IOException {
        String template = Files.readString(Path.of(DIR + "template.yaml"));
        for (String dir : List.of(".git", ".terraform", "target", "node_modules", "src")) {
            Files.createDirectories(root.resolve(dir));
            Files.writeString(root.resolve(dir).resolve("t.yaml"), template);
        }
        Files.createSymbolicLink(root.resolve("linked.yml"), root.resolve("src/t.yaml"));
        Files.createSymbolicLink(root.resolve("loop"), root);

        CloudFormationScan scan = new CloudFormationLoader(CloudFormationOptions.defaults()).load(List.of(root));

        assertThat(scan.templates()).containsExactly(root.resolve("src/t.yaml").toString());
    }

    @Test
    void givenFileIsLoadedAndMissingPathIsReported() {
        CloudFormationScan scan = new CloudFormationLoader(CloudFormationOptions.defaults())
                .load(List.of(Path.of(DIR + "template.yaml"), Path.of(DIR + "missing")));

        assertThat(scan.templates()).containsExactly(DIR + "template.yaml");
        assertThat(scan.inventory().faults()).extracting(Fault::message)
                .containsExactly(DIR + "missing: no such file or directory");
    }
}
