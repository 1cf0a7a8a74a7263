package dev.vigil.rules.dynamodb;

import static dev.vigil.rules.Fixtures.live;
import static dev.vigil.rules.Fixtures.table;
import static dev.vigil.rules.Fixtures.tableArn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.check.Status;
import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.DynamoDbTable.PitrStatus;
import dev.vigil.core.model.Fault;
import dev.vigil.core.model.Origin;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.EnablePointInTimeRecovery;
import dev.vigil.hcl.terraform.TerraformOptions;
import dev.vigil.rules.RuleTester;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DynamoDbContinuousBackupsTest {

    @Test
    void eachPitrStateMapsToItsStatus() {
        RuleTester t = RuleTester.rule(new DynamoDbContinuousBackups())
                .given(table("us-east-1", "on", Value.known(PitrStatus.ENABLED), 35),
                        table("us-east-1", "enabling", Value.known(PitrStatus.ENABLING), null),
                        table("eu-west-1", "off", Value.known(PitrStatus.DISABLED), null))
                .evaluate()
                .statuses(Map.of(tableArn("us-east-1", "on"), Status.SUCCESS,
                        tableArn("us-east-1", "enabling"), Status.SUCCESS,
                        tableArn("eu-west-1", "off"), Status.FAILURE));

        assertThat(t.check(tableArn("us-east-1", "on")).properties()).containsEntry("recoveryPeriodDays", 35);
        assertThat(t.check(tableArn("us-east-1", "on")).message()).contains("35 days");
        assertThat(t.check(tableArn("us-east-1", "enabling")).message()).contains("being enabled");
        assertThat(t.check(tableArn("eu-west-1", "off")).remedy()).isEqualTo(new EnablePointInTimeRecovery("off"));
        assertThat(t.check(tableArn("us-east-1", "on")).remedy()).isNull();
    }

    @Test
    void unreadableStatusIsAnErrorAndUnresolvedTemplateValueIsUnknown() {
        DynamoDbTable fromTemplate = new DynamoDbTable(new Origin.Template("t.yaml", 7, "t.yaml"), "Orders",
                "Orders", Value.unknown("!Ref EnablePitr"), null);
        RuleTester t = RuleTester.rule(new DynamoDbContinuousBackups())
                .given(table("us-east-1", "broken", Value.failed("InternalServerError"), null), fromTemplate)
                .evaluate()
                .statuses(Map.of(tableArn("us-east-1", "broken"), Status.ERROR, "Orders", Status.UNKNOWN));
        assertThat(t.check("Orders").message()).contains("!Ref EnablePitr");
        assertThat(t.check(tableArn("us-east-1", "broken")).message()).contains("InternalServerError");
    }

    @Test
    void listingFaultInARegionIsAnErrorForThatRegionOnly() {
        RuleTester t = RuleTester.rule(new DynamoDbContinuousBackups())
                .given(table("us-east-1", "on", Value.known(PitrStatus.ENABLED), null))
                .givenFault(new Fault(live("eu-west-1"), Set.of(DynamoDbTable.class), "dynamodb:ListTables",
                        "AccessDeniedException: not authorized"))
                .evaluate();
        assertThat(t.result().checkList()).hasSize(2);
        assertThat(t.check(tableArn("us-east-1", "on")).status()).isEqualTo(Status.SUCCESS);
        var error = t.check("dynamodb:ListTables@123456789012/eu-west-1");
        assertThat(error.status()).isEqualTo(Status.ERROR);
        assertThat(error.origin().region()).isEqualTo("eu-west-1");
        assertThat(error.message()).contains("AccessDenied");
    }

    @Test
    void cloudFormationTablesByLogicalIdWithPitrOnOffAndUnresolved() {
        RuleTester t = RuleTester.rule(new DynamoDbContinuousBackups())
                .givenCloudFormation("dynamodb-pitr.yaml")
                .evaluate()
                .statuses(Map.of("Orders", Status.SUCCESS, "Sessions", Status.FAILURE, "Cache", Status.FAILURE,
                        "Audit", Status.UNKNOWN, "Global[us-east-1]", Status.SUCCESS,
                        "Global[eu-west-1]", Status.FAILURE, "Global[${AWS::Region}]", Status.UNKNOWN));
        assertThat(t.check("Orders").properties()).containsEntry("recoveryPeriodDays", 14);
        assertThat(t.check("Orders").resourceName()).isEqualTo("dev-orders");
        assertThat(t.check("Audit").message()).contains("!Ref EnablePitr");
        assertThat(t.check("Cache").remedy()).isEqualTo(new EnablePointInTimeRecovery("Cache"));
        assertThat(t.check("Sessions").origin()).isEqualTo(new Origin.Template("dynamodb-pitr.yaml", 18,
                "dynamodb-pitr.yaml"));
    }

    @Test
    void cloudFormationParametersDecideUnknownsAndConditions() {
        RuleTester.rule(new DynamoDbContinuousBackups())
                .givenCloudFormation("dynamodb-pitr.yaml", Map.of("EnablePitr", "true", "Env", "prod"))
                .evaluate()
                .statuses(Map.of("Orders", Status.SUCCESS, "Sessions", Status.FAILURE, "Cache", Status.FAILURE,
                        "Audit", Status.SUCCESS, "ProdOnly", Status.FAILURE, "Global[us-east-1]", Status.SUCCESS,
                        "Global[eu-west-1]", Status.FAILURE, "Global[${AWS::Region}]", Status.SUCCESS));
    }

    @Test
    void terraformTablesByAddressWithForEachCountReplicasAndUnresolved() {
        RuleTester t = RuleTester.rule(new DynamoDbContinuousBackups())
                .givenTerraform("dynamodb-pitr")
                .evaluate()
                .statuses(Map.of("aws_dynamodb_table.each[\"users\"]", Status.SUCCESS,
                        "aws_dynamodb_table.each[\"orders\"]", Status.FAILURE,
                        "aws_dynamodb_table.counted[0]", Status.FAILURE,
                        "aws_dynamodb_table.counted[1]", Status.SUCCESS,
                        "aws_dynamodb_table.audit", Status.UNKNOWN, "aws_dynamodb_table.global", Status.SUCCESS,
                        "aws_dynamodb_table.global.replica[\"eu-west-1\"]", Status.FAILURE));
        assertThat(t.check("aws_dynamodb_table.each[\"users\"]").properties()).containsEntry("recoveryPeriodDays", 14);
        assertThat(t.check("aws_dynamodb_table.audit").message()).contains("var.pitr");
        assertThat(t.check("aws_dynamodb_table.each[\"orders\"]").remedy())
                .isEqualTo(new EnablePointInTimeRecovery("orders"));
        assertThat(t.check("aws_dynamodb_table.counted[0]").origin()).isInstanceOfSatisfying(Origin.Template.class,
                o -> assertThat(o.file()).endsWith("terraform/dynamodb-pitr/main.tf"))
                .extracting(o -> ((Origin.Template) o).line()).isEqualTo(19);
    }

    @Test
    void terraformVariablesDecideUnknowns() {
        RuleTester.rule(new DynamoDbContinuousBackups())
                .givenTerraform("dynamodb-pitr", TerraformOptions.defaults().withVariable("pitr", "true")
                        .withVariable("tables", "[\"users\"]"))
                .evaluate()
                .statuses(Map.of("aws_dynamodb_table.each[\"users\"]", Status.SUCCESS,
                        "aws_dynamodb_table.counted[0]", Status.FAILURE,
                        "aws_dynamodb_table.counted[1]", Status.SUCCESS,
                        "aws_dynamodb_table.audit", Status.SUCCESS, "aws_dynamodb_table.global", Status.SUCCESS,
                        "aws_dynamodb_table.global.replica[\"eu-west-1\"]", Status.FAILURE));
    }
}
