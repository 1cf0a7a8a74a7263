package dev.vigil.rules.dynamodb;

import static dev.vigil.rules.Fixtures.table;
import static dev.vigil.rules.Fixtures.tableArn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.check.Status;
import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.EncryptionKey;
import dev.vigil.core.model.EncryptionKey.Manager;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.EncryptTableWithCustomerManagedKey;
import dev.vigil.rules.RuleTester;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DynamoDbCustomerManagedKeyTest {

    private static final String R = "us-east-1";
    private static final String CMK = "arn:aws:kms:us-east-1:123456789012:key/0f3c5a9e-1111-2222-3333-444455556666";
    private static final String AWS_KEY = "arn:aws:kms:us-east-1:123456789012:key/aaaabbbb-1111-2222-3333-444455556666";

    private static DynamoDbTable t(String name, Value<EncryptionKey> key) {
        return table(R, name, Value.failed("not read"), null).with(key, Value.failed("not read"));
    }

    private static RuleTester run(RuleTester t) {
        return t.given(t("mine", Value.known(new EncryptionKey(Manager.CUSTOMER_MANAGED, CMK))),
                        t("aws-managed", Value.known(new EncryptionKey(Manager.AWS_MANAGED, AWS_KEY))),
                        t("default", Value.known(EncryptionKey.AWS_OWNED)),
                        t("unread", Value.failed("kms:DescribeKey failed for " + CMK + ": AccessDeniedException")))
                .evaluate();
    }

    @Test
    void onlyACustomerManagedKeyPassesByDefault() {
        RuleTester t = run(RuleTester.rule(new DynamoDbCustomerManagedKey()))
                .statuses(Map.of(tableArn(R, "mine"), Status.SUCCESS, tableArn(R, "aws-managed"), Status.FAILURE,
                        tableArn(R, "default"), Status.FAILURE, tableArn(R, "unread"), Status.ERROR));
        assertThat(t.check(tableArn(R, "mine")).message()).isEqualTo("The table is encrypted at rest with the customer "
                + "managed key " + CMK);
        assertThat(t.check(tableArn(R, "default")).message()).isEqualTo("The table is encrypted at rest with an AWS "
                + "owned key, not with a customer managed key");
        assertThat(t.check(tableArn(R, "aws-managed")).remedy())
                .isEqualTo(new EncryptTableWithCustomerManagedKey("aws-managed"));
        assertThat(t.check(tableArn(R, "unread")).message()).contains("AccessDeniedException");
    }

    @Test
    void theAcceptedKeysAreASettingAsConformityAcceptsTheAwsManagedKey() {
        RuleTester t = run(RuleTester.rule(new DynamoDbCustomerManagedKey())
                .setting("acceptedKeys", "customer_managed, AWS_MANAGED"))
                .statuses(Map.of(tableArn(R, "mine"), Status.SUCCESS, tableArn(R, "aws-managed"), Status.SUCCESS,
                        tableArn(R, "default"), Status.FAILURE, tableArn(R, "unread"), Status.ERROR));
        assertThat(t.check(tableArn(R, "default")).message()).endsWith("not with a key of the accepted kinds "
                + "(customer_managed, AWS_MANAGED)");
        RuleTester wrong = run(RuleTester.rule(new DynamoDbCustomerManagedKey()).setting("acceptedKeys", "MINE"));
        assertThat(wrong.result().checkList()).hasSize(4).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(Status.ERROR);
            assertThat(c.message()).isEqualTo("setting acceptedKeys is MINE; it takes AWS_OWNED,AWS_MANAGED,"
                    + "CUSTOMER_MANAGED");
        });
    }

    @Test
    void cloudFormationTablesReplicasAndSimpleTables() {
        RuleTester t = RuleTester.rule(new DynamoDbCustomerManagedKey())
                .givenCloudFormation("dynamodb-protection.yaml")
                .evaluate()
                .statuses(Map.of("Customer", Status.SUCCESS, "AwsManaged", Status.FAILURE, "Owned", Status.FAILURE,
                        "FromParameter", Status.UNKNOWN, "Misspelt", Status.ERROR, "Global[us-east-1]", Status.SUCCESS,
                        "Global[eu-west-1]", Status.FAILURE, "Simple", Status.FAILURE));
        assertThat(t.check("Customer").message()).endsWith("the customer managed key TableKey");
        assertThat(t.check("Global[us-east-1]").message()).endsWith("the customer managed key TableKeyAlias");
        assertThat(t.check("AwsManaged").message()).contains("the AWS managed key alias/aws/dynamodb");
        assertThat(t.check("Owned").message()).contains("an AWS owned key");
        assertThat(t.check("FromParameter").message()).contains("!Ref KeyArn");
        assertThat(t.check("Misspelt").message()).contains("SSEEnabled is 'maybe'");
        assertThat(t.check("Customer").resourceName()).isEqualTo("customer-table");
    }

    @Test
    void terraformTablesAndReplicas() {
        RuleTester t = RuleTester.rule(new DynamoDbCustomerManagedKey())
                .givenTerraform("dynamodb-protection")
                .evaluate()
                .statuses(Map.of("aws_dynamodb_table.customer", Status.SUCCESS,
                        "aws_dynamodb_table.aws_managed", Status.FAILURE, "aws_dynamodb_table.owned", Status.FAILURE,
                        "aws_dynamodb_table.undecided", Status.UNKNOWN, "aws_dynamodb_table.global", Status.SUCCESS,
                        "aws_dynamodb_table.global.replica[\"eu-west-1\"]", Status.UNKNOWN,
                        "aws_dynamodb_table.global.replica[\"ap-south-1\"]", Status.FAILURE));
        assertThat(t.check("aws_dynamodb_table.customer").message()).endsWith("aws_kms_key.tables");
        assertThat(t.check("aws_dynamodb_table.undecided").message()).contains("var.key_arn");
        assertThat(t.check("aws_dynamodb_table.global.replica[\"eu-west-1\"]").message())
                .contains("who manages this key is known only in the account");
    }
}
