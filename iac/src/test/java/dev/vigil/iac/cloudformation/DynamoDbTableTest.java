package dev.vigil.iac.cloudformation;

import static dev.vigil.iac.cloudformation.Fixtures.ROOT;
import static dev.vigil.iac.cloudformation.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.EncryptionKey;
import dev.vigil.core.model.DynamoDbTable.PitrStatus;
import dev.vigil.core.model.Origin;
import dev.vigil.core.model.Resource;
import dev.vigil.core.model.Value;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DynamoDbTableTest {

    private static final String YAML = "dynamodb/tables.yaml";
    private static final String JSON = "dynamodb/tables.json";

    /** What a table that declares neither encryption nor deletion protection gets, as DynamoDB creates it. */
    private static final Value<EncryptionKey> UNENCRYPTED = Value.known(EncryptionKey.AWS_OWNED);
    private static final Value<Boolean> UNPROTECTED = Value.known(false);

    private static DynamoDbTable table(CloudFormationScan scan, String id) {
        return resource(scan, DynamoDbTable.class, id);
    }

    private static int line(Resource resource) {
        return ((Origin.Template) resource.origin()).line();
    }

    @Test
    void shortFormYamlWithParameterDefaults() {
        CloudFormationScan scan = Fixtures.load(YAML);

        assertThat(scan.inventory().faults()).isEmpty();
        assertThat(scan.templates()).containsExactly(ROOT + YAML);
        assertThat(scan.inventory().all(DynamoDbTable.class)).extracting(Resource::id)
                .containsExactly("Orders", "Sessions", "Audit", "Flags", "Switch", "Imported");
        assertThat(table(scan, "Orders")).isEqualTo(new DynamoDbTable(
                new Origin.Template(ROOT + YAML, 21, ROOT + YAML), "Orders", "dev-orders",
                Value.known(PitrStatus.ENABLED), 7).with(UNENCRYPTED, UNPROTECTED));
        assertThat(table(scan, "Sessions").pointInTimeRecovery()).isEqualTo(Value.known(PitrStatus.DISABLED));
        assertThat(table(scan, "Sessions").origin()).isEqualTo(new Origin.Template(ROOT + YAML, 28, ROOT + YAML));
    }

    @Test
    void unresolvedParameterIsUnknownNamingTheExpression() {
        CloudFormationScan scan = Fixtures.load(YAML);

        assertThat(table(scan, "Audit").name()).isEqualTo("Audit");
        assertThat(table(scan, "Audit").pointInTimeRecovery()).isEqualTo(Value.unknown("!Ref EnablePitr"));
        assertThat(table(scan, "Imported").name()).isEqualTo("Imported");
        assertThat(table(scan, "Imported").pointInTimeRecovery()).isEqualTo(Value.unknown("!ImportValue shared-pitr"));
    }

    @Test
    void stringBooleansAreBooleans() {
        CloudFormationScan scan = Fixtures.load(YAML);

        assertThat(table(scan, "Flags").pointInTimeRecovery()).isEqualTo(Value.known(PitrStatus.ENABLED));
        CloudFormationScan off = Fixtures.load(YAML, CloudFormationOptions.defaults()
                .withParameters(Map.of("PitrFlag", "FALSE", "EnablePitr", "true")));
        assertThat(table(off, "Flags").pointInTimeRecovery()).isEqualTo(Value.known(PitrStatus.DISABLED));
        assertThat(table(off, "Audit").pointInTimeRecovery()).isEqualTo(Value.known(PitrStatus.ENABLED));
    }

    @Test
    void falseConditionRemovesResourceAndNoValueRemovesProperty() {
        CloudFormationScan scan = Fixtures.load(YAML);

        assertThat(scan.inventory().all(DynamoDbTable.class)).extracting(Resource::id)
                .doesNotContain("ProdOnly", "Never");
        assertThat(table(scan, "Switch").name()).isEqualTo("dev-switch");
        assertThat(table(scan, "Switch").pointInTimeRecovery()).isEqualTo(Value.known(PitrStatus.DISABLED));
    }

    @Test
    void parameterOverrideMakesConditionTrue() {
        CloudFormationScan scan = Fixtures.load(YAML,
                CloudFormationOptions.defaults().withParameters(Map.of("Env", "prod")));

        assertThat(scan.inventory().all(DynamoDbTable.class)).extracting(Resource::id)
                .containsExactly("Orders", "Sessions", "Audit", "Flags", "ProdOnly", "Switch", "Imported");
        assertThat(table(scan, "Orders").name()).isEqualTo("prod-orders");
        assertThat(table(scan, "Orders").recoveryPeriodDays()).isEqualTo(35);
        assertThat(table(scan, "ProdOnly").pointInTimeRecovery()).isEqualTo(Value.known(PitrStatus.DISABLED));
        assertThat(table(scan, "ProdOnly").origin()).isEqualTo(new Origin.Template(ROOT + YAML, 42, ROOT + YAML));
        assertThat(table(scan, "Switch").name()).isEqualTo("prod-switch");
        assertThat(table(scan, "Switch").pointInTimeRecovery()).isEqualTo(Value.known(PitrStatus.ENABLED));
    }

    @Test
    void blockStyleExpressionIsShownOnOneLineWithoutFollowingComments() {
        CloudFormationScan scan = new CloudFormationLoader(CloudFormationOptions.defaults()).load("t.yaml", """
                Resources:
                  T:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      PointInTimeRecoverySpecification:
                        PointInTimeRecoveryEnabled:
                          Fn::If:
                            - Undefined
                            - true
                            - false
                          # a comment after the expression

                      # another
                """);

        assertThat(table(scan, "T").pointInTimeRecovery())
                .isEqualTo(Value.unknown("Fn::If: - Undefined - true - false"));
    }

    @Test
    void longFormJsonWithLines() {
        CloudFormationScan scan = Fixtures.load(JSON);

        assertThat(scan.inventory().faults()).isEmpty();
        assertThat(scan.inventory().all(DynamoDbTable.class)).extracting(Resource::id)
                .containsExactly("Orders", "Audit", "Imported");
        assertThat(table(scan, "Orders")).isEqualTo(new DynamoDbTable(
                new Origin.Template(ROOT + JSON, 11, ROOT + JSON), "Orders", "dev-orders",
                Value.known(PitrStatus.ENABLED), null).with(UNENCRYPTED, UNPROTECTED));
        assertThat(line(table(scan, "Audit"))).isEqualTo(18);
        assertThat(table(scan, "Audit").pointInTimeRecovery()).isEqualTo(Value.unknown("{\"Ref\": \"EnablePitr\"}"));
        assertThat(table(scan, "Imported").pointInTimeRecovery())
                .isEqualTo(Value.unknown("{\"Fn::ImportValue\": \"pitr-flag\"}"));
    }

    @Test
    void jsonConditionTrueWithOverride() {
        CloudFormationScan scan = Fixtures.load(JSON,
                CloudFormationOptions.defaults().withParameters(Map.of("Env", "prod")));

        assertThat(line(table(scan, "ProdOnly"))).isEqualTo(24);
        assertThat(table(scan, "ProdOnly").pointInTimeRecovery()).isEqualTo(Value.known(PitrStatus.DISABLED));
        assertThat(table(scan, "Imported").pointInTimeRecovery()).isEqualTo(Value.known(PitrStatus.ENABLED));
    }

    @Test
    void globalTableReplicas() {
        String file = ROOT + "dynamodb/global-table.yaml";
        CloudFormationScan scan = Fixtures.load("dynamodb/global-table.yaml");

        assertThat(scan.inventory().all(DynamoDbTable.class)).containsExactly(
                new DynamoDbTable(new Origin.Template(file, 11, file), "Global[us-east-1]", "global-orders",
                        Value.known(PitrStatus.ENABLED), null).with(UNENCRYPTED, UNPROTECTED),
                new DynamoDbTable(new Origin.Template(file, 14, file), "Global[eu-west-1]", "global-orders",
                        Value.known(PitrStatus.DISABLED), null).with(UNENCRYPTED, UNPROTECTED),
                new DynamoDbTable(new Origin.Template(file, 15, file), "Global[!Ref SecondaryRegion]",
                        "global-orders", Value.known(PitrStatus.DISABLED), null).with(UNENCRYPTED, UNPROTECTED),
                new DynamoDbTable(new Origin.Template(file, 18, file), "Global[${AWS::Region}]", "global-orders",
                        Value.unknown("!Ref SecondaryRegion"), null).with(UNENCRYPTED, UNPROTECTED));
    }

    @Test
    void globalTableReplicaRegionFromOptions() {
        CloudFormationScan scan = Fixtures.load("dynamodb/global-table.yaml", CloudFormationOptions.defaults()
                .withRegion("ap-south-1").withParameters(Map.of("SecondaryRegion", "eu-central-1")));

        assertThat(scan.inventory().all(DynamoDbTable.class)).extracting(Resource::id).containsExactly(
                "Global[us-east-1]", "Global[eu-west-1]", "Global[eu-central-1]", "Global[ap-south-1]");
    }
}
