package dev.vigil.rules.backup;

import static dev.vigil.rules.backup.BackupFixtures.CMK;
import static dev.vigil.rules.backup.BackupFixtures.vaultArn;
import static dev.vigil.rules.backup.BackupFixtures.vaultWithKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.check.Status;
import dev.vigil.core.model.EncryptionKey;
import dev.vigil.core.model.EncryptionKey.Manager;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.EncryptVaultWithCustomerManagedKey;
import dev.vigil.rules.RuleTester;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackupVaultCustomerManagedKeyTest {

    private static final String AWS_KEY = "arn:aws:kms:us-east-1:123456789012:key/aaaabbbb-1111-2222-3333-444455556666";

    @Test
    void onlyACustomerManagedKeyPasses() {
        RuleTester t = RuleTester.rule(new BackupVaultCustomerManagedKey())
                .given(vaultWithKey("mine", Value.known(new EncryptionKey(Manager.CUSTOMER_MANAGED, CMK))),
                        vaultWithKey("default", Value.known(new EncryptionKey(Manager.AWS_MANAGED, AWS_KEY))),
                        vaultWithKey("air-gapped", Value.known(EncryptionKey.AWS_OWNED)),
                        vaultWithKey("unread", Value.failed("kms:DescribeKey failed: AccessDeniedException: denied")))
                .evaluate()
                .statuses(Map.of(vaultArn("mine"), Status.SUCCESS, vaultArn("default"), Status.FAILURE,
                        vaultArn("air-gapped"), Status.FAILURE, vaultArn("unread"), Status.ERROR));
        assertThat(t.check(vaultArn("mine")).message()).isEqualTo("Recovery points are encrypted with the customer "
                + "managed key " + CMK);
        assertThat(t.check(vaultArn("default")).message()).isEqualTo("Recovery points are encrypted with the AWS "
                + "managed key " + AWS_KEY + ", which the account cannot control");
        assertThat(t.check(vaultArn("air-gapped")).message()).contains("an AWS owned key");
        assertThat(t.check(vaultArn("default")).remedy()).isEqualTo(new EncryptVaultWithCustomerManagedKey("default"));
        assertThat(t.check(vaultArn("unread")).message()).contains("kms:DescribeKey failed");
    }

    @Test
    void cloudFormationKeysDeclaredInTheTemplateAreCustomerManagedAndOthersAreKnownOnlyInTheAccount() {
        RuleTester t = RuleTester.rule(new BackupVaultCustomerManagedKey())
                .givenCloudFormation("backup.yaml")
                .evaluate()
                .statuses(Map.of("Protected", Status.SUCCESS, "Plain", Status.FAILURE, "AsJsonText", Status.FAILURE,
                        "FromParameter", Status.UNKNOWN, "LiteralKey", Status.UNKNOWN, "Garbled", Status.SUCCESS));
        assertThat(t.check("AsJsonText").message()).contains("the AWS managed key arn:aws:kms:${AWS::Region}");
        assertThat(t.check("Protected").message()).endsWith("the customer managed key BackupKey");
        assertThat(t.check("Garbled").message()).endsWith("the customer managed key BackupAlias");
        assertThat(t.check("Plain").message()).contains("the AWS managed key alias/aws/backup");
        assertThat(t.check("FromParameter").message()).contains("!Ref VaultKey");
        assertThat(t.check("LiteralKey").message()).contains("who manages this key is known only in the account");
    }

    @Test
    void terraformKeysByReferenceOrByName() {
        RuleTester t = RuleTester.rule(new BackupVaultCustomerManagedKey())
                .givenTerraform("backup")
                .evaluate()
                .statuses(Map.of("aws_backup_vault.protected", Status.SUCCESS, "aws_backup_vault.plain", Status.FAILURE,
                        "aws_backup_vault.conditional", Status.FAILURE, "aws_backup_vault.undecided", Status.UNKNOWN));
        assertThat(t.check("aws_backup_vault.protected").message()).endsWith("aws_kms_key.backup");
        assertThat(t.check("aws_backup_vault.conditional").message()).contains(":alias/aws/backup");
        assertThat(t.check("aws_backup_vault.undecided").message()).contains("var.vault_key");
    }
}
