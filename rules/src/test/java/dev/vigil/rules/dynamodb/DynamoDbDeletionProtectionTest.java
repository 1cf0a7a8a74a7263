package dev.vigil.rules.dynamodb;

import static dev.vigil.rules.Fixtures.table;
import static dev.vigil.rules.Fixtures.tableArn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.check.Status;
import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.EnableTableDeletionProtection;
import dev.vigil.rules.RuleTester;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DynamoDbDeletionProtectionTest {

    private static final String R = "us-east-1";

    private static DynamoDbTable t(String name, Value<Boolean> protection) {
        return table(R, name, Value.failed("not read"), null).with(Value.failed("not read"), protection);
    }

    @Test
    void protectedTablesPassOthersFailAndUnreadTablesAreErrors() {
        RuleTester t = RuleTester.rule(new DynamoDbDeletionProtection())
                .given(t("kept", Value.known(true)), t("open", Value.known(false)),
                        t("unread", Value.failed("dynamodb:DescribeTable failed: ThrottlingException: slow down")))
                .evaluate()
                .statuses(Map.of(tableArn(R, "kept"), Status.SUCCESS, tableArn(R, "open"), Status.FAILURE,
                        tableArn(R, "unread"), Status.ERROR));
        assertThat(t.check(tableArn(R, "open")).remedy()).isEqualTo(new EnableTableDeletionProtection("open"));
        assertThat(t.check(tableArn(R, "unread")).message()).contains("ThrottlingException");
    }

    @Test
    void cloudFormationTablesAndReplicas() {
        RuleTester t = RuleTester.rule(new DynamoDbDeletionProtection())
                .givenCloudFormation("dynamodb-protection.yaml")
                .evaluate()
                .statuses(Map.of("Customer", Status.SUCCESS, "AwsManaged", Status.FAILURE, "Owned", Status.FAILURE,
                        "FromParameter", Status.UNKNOWN, "Misspelt", Status.ERROR, "Global[us-east-1]", Status.SUCCESS,
                        "Global[eu-west-1]", Status.FAILURE, "Simple", Status.FAILURE));
        assertThat(t.check("FromParameter").message()).contains("!Ref Protect");
        assertThat(t.check("Misspelt").message()).contains("DeletionProtectionEnabled is 'yes'");
        assertThat(t.check("Customer").remedy()).isNull();
        assertThat(t.check("Owned").remedy()).isEqualTo(new EnableTableDeletionProtection("Owned"));
    }

    @Test
    void terraformTablesAndReplicas() {
        RuleTester t = RuleTester.rule(new DynamoDbDeletionProtection())
                .givenTerraform("dynamodb-protection")
                .evaluate()
                .statuses(Map.of("aws_dynamodb_table.customer", Status.SUCCESS,
                        "aws_dynamodb_table.aws_managed", Status.FAILURE, "aws_dynamodb_table.owned", Status.FAILURE,
                        "aws_dynamodb_table.undecided", Status.UNKNOWN, "aws_dynamodb_table.global", Status.SUCCESS,
                        "aws_dynamodb_table.global.replica[\"eu-west-1\"]", Status.FAILURE,
                        "aws_dynamodb_table.global.replica[\"ap-south-1\"]", Status.SUCCESS));
        assertThat(t.check("aws_dynamodb_table.undecided").message()).contains("var.protect");
    }
}
