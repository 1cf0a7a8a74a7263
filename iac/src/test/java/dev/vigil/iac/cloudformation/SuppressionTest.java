package dev.vigil.iac.cloudformation;

import static dev.vigil.iac.cloudformation.Fixtures.ROOT;
import static dev.vigil.iac.cloudformation.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.iac.Suppressions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuppressionTest {

    private static final String FILE = ROOT + "suppression/suppressed.yaml";

    private final CloudFormationScan scan = Fixtures.load("suppression/suppressed.yaml");
    private final Suppressions suppressions = scan.suppressions();

    @Test
    void commentsAboveAndOnTheLogicalIdLine() {
        assertThat(suppressions.reason(FILE, "Cache", "DynamoDB-003")).contains("rebuilt nightly from S3");
        assertThat(suppressions.reason(FILE, "Sessions", "DynamoDB-003")).contains("ephemeral");
        assertThat(suppressions.reason(FILE, "Sessions", "Backup-001")).contains("ephemeral");
        assertThat(suppressions.reason(FILE, "Cache", "Backup-001")).isEmpty();
    }

    @Test
    void metadataWithAndWithoutReason() {
        assertThat(suppressions.reason(resource(scan, DynamoDbTable.class, "Annotated"), "DynamoDB-003"))
                .contains("replicated elsewhere");
        assertThat(suppressions.reason(FILE, "Annotated", "DynamoDB-001")).contains("");
    }

    @Test
    void globalTableSuppressionCoversEveryReplica() {
        assertThat(suppressions.reason(FILE, "Replicated[us-east-1]", "DynamoDB-003")).contains("replicas rebuilt");
        assertThat(suppressions.reason(FILE, "Replicated[eu-west-1]", "DynamoDB-003")).contains("replicas rebuilt");
    }

    @Test
    void nothingElseIsSuppressed() {
        assertThat(suppressions.reason(FILE, "Plain", "DynamoDB-003")).isEqualTo(Optional.empty());
        assertThat(suppressions.asMap()).containsOnlyKeys(new Suppressions.Key(FILE, "Cache"),
                new Suppressions.Key(FILE, "Sessions"), new Suppressions.Key(FILE, "Annotated"),
                new Suppressions.Key(FILE, "Replicated[us-east-1]"), new Suppressions.Key(FILE, "Replicated[eu-west-1]"));
        assertThat(suppressions.asMap().get(new Suppressions.Key(FILE, "Annotated")))
                .isEqualTo(Map.of("DynamoDB-003", "replicated elsewhere", "DynamoDB-001", ""));
    }

    @Test
    void jsonTemplatesUseMetadata() {
        CloudFormationScan json = new CloudFormationLoader(CloudFormationOptions.defaults()).load("t.json", """
                {"Resources": {"T": {"Type": "AWS::DynamoDB::Table",
                  "Metadata": {"vigil": {"skip": [{"id": "DynamoDB-003", "reason": "# vigil:skip=Other x"}]}}}}}
                """);

        assertThat(json.suppressions().asMap()).isEqualTo(Map.of(new Suppressions.Key("t.json", "T"),
                Map.of("DynamoDB-003", "# vigil:skip=Other x")));
    }
}
