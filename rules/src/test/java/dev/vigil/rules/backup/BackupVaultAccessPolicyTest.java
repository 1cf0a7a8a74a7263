package dev.vigil.rules.backup;

import static dev.vigil.rules.backup.BackupFixtures.deny;
import static dev.vigil.rules.backup.BackupFixtures.policy;
import static dev.vigil.rules.backup.BackupFixtures.vaultArn;
import static dev.vigil.rules.backup.BackupFixtures.vaultWithPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.check.Status;
import dev.vigil.core.model.AccessPolicy;
import dev.vigil.core.model.BackupVault;
import dev.vigil.core.model.Fault;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.DenyRecoveryPointDeletion;
import dev.vigil.rules.Fixtures;
import dev.vigil.rules.RuleTester;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackupVaultAccessPolicyTest {

    private static final List<String> ALL_THREE = BackupVaultAccessPolicy.DENIED;

    @Test
    void aPolicyDenyingTheThreeActionsToEveryonePassesAndAnythingLessFails() {
        Map<String, Object> conditional = new java.util.HashMap<>(deny(Map.of("AWS", "*"), ALL_THREE, "*"));
        conditional.put("Condition", Map.of("StringNotLike", Map.of("aws:PrincipalArn", "arn:aws:iam::*:role/glass")));
        RuleTester t = RuleTester.rule(new BackupVaultAccessPolicy())
                .given(vaultWithPolicy("locked", policy(Map.of("Statement", List.of(deny("*", ALL_THREE, "*"))))),
                        vaultWithPolicy("split", policy(Map.of("Statement", List.of(
                                deny("*", List.of("backup:DeleteRecoveryPoint"), "*"),
                                deny("*", List.of("backup:updaterecoverypointlifecycle",
                                        "backup:PutBackupVaultAccessPolicy"), List.of("*")))))),
                        vaultWithPolicy("glass", policy(Map.of("Statement", conditional))),
                        vaultWithPolicy("open", Value.known(AccessPolicy.NONE)),
                        vaultWithPolicy("partial", policy(Map.of("Statement",
                                deny("*", List.of("backup:DeleteRecoveryPoint"), "*")))),
                        vaultWithPolicy("one-role", policy(Map.of("Statement", List.of(deny(
                                Map.of("AWS", "arn:aws:iam::123456789012:role/ops"), ALL_THREE, "*"))))),
                        vaultWithPolicy("one-point", policy(Map.of("Statement", List.of(deny("*", ALL_THREE,
                                "arn:aws:backup:us-east-1:123456789012:recovery-point:abc"))))),
                        vaultWithPolicy("allowing", policy(Map.of("Statement", List.of(Map.of("Effect", "Allow",
                                "Principal", "*", "Action", ALL_THREE, "Resource", "*"))))),
                        vaultWithPolicy("unread", Value.failed("backup:GetBackupVaultAccessPolicy failed: "
                                + "AccessDeniedException: not allowed")))
                .evaluate()
                .statuses(Map.of(vaultArn("locked"), Status.SUCCESS, vaultArn("split"), Status.SUCCESS,
                        vaultArn("glass"), Status.SUCCESS, vaultArn("open"), Status.FAILURE,
                        vaultArn("partial"), Status.FAILURE, vaultArn("one-role"), Status.FAILURE,
                        vaultArn("one-point"), Status.FAILURE, vaultArn("allowing"), Status.FAILURE,
                        vaultArn("unread"), Status.ERROR));
        assertThat(t.check(vaultArn("glass")).message()).endsWith("where its conditions on aws:PrincipalArn hold");
        assertThat(t.check(vaultArn("locked")).message()).doesNotContain("conditions");
        assertThat(t.check(vaultArn("open")).message()).startsWith("The vault has no access policy");
        assertThat(t.check(vaultArn("partial")).message()).isEqualTo("The access policy does not deny "
                + "backup:UpdateRecoveryPointLifecycle, backup:PutBackupVaultAccessPolicy to every principal on every "
                + "recovery point");
        assertThat(t.check(vaultArn("open")).remedy()).isEqualTo(new DenyRecoveryPointDeletion("open"));
        assertThat(t.check(vaultArn("unread")).message()).contains("AccessDeniedException");
    }

    @Test
    void aPolicyThatIsNotAPolicyIsAnErrorAndATemplateUnknownIsUnknown() {
        BackupVault template = new BackupVault(new dev.vigil.core.model.Origin.Template("t.yaml", 3, "t.yaml"),
                "Vault", "vault", "arn", Value.failed("not read"),
                AccessPolicy.read(Map.of("Statement", List.of(deny("*", List.of(), Value.unknown("!Ref Points"))))));
        RuleTester t = RuleTester.rule(new BackupVaultAccessPolicy())
                .given(vaultWithPolicy("garbled", AccessPolicy.read(Map.of("Version", "2012-10-17"))), template)
                .evaluate()
                .statuses(Map.of(vaultArn("garbled"), Status.ERROR, "Vault", Status.UNKNOWN));
        assertThat(t.check(vaultArn("garbled")).message()).contains("the policy has no Statement");
        assertThat(t.check("Vault").message()).contains("!Ref Points");
    }

    @Test
    void aRegionWhoseVaultsCouldNotBeListedIsAnError() {
        RuleTester t = RuleTester.rule(new BackupVaultAccessPolicy())
                .givenFault(new Fault(Fixtures.live("eu-west-1"), Set.of(BackupVault.class), "backup:ListBackupVaults",
                        "AccessDeniedException: no"))
                .evaluate()
                .statuses(Map.of("backup:ListBackupVaults@123456789012/eu-west-1", Status.ERROR));
        assertThat(t.result().checkList()).hasSize(1);
    }

    @Test
    void cloudFormationVaultsAreJudgedByTheirAccessPolicy() {
        RuleTester t = RuleTester.rule(new BackupVaultAccessPolicy())
                .givenCloudFormation("backup.yaml")
                .evaluate()
                .statuses(Map.of("Protected", Status.SUCCESS, "Plain", Status.FAILURE, "AsJsonText", Status.FAILURE,
                        "FromParameter", Status.UNKNOWN, "LiteralKey", Status.FAILURE, "Garbled", Status.ERROR));
        assertThat(t.check("Protected").resourceName()).isEqualTo("protected-vault");
        assertThat(t.check("AsJsonText").message()).contains("does not deny backup:UpdateRecoveryPointLifecycle");
        assertThat(t.check("FromParameter").message()).contains("!Ref DeniedActions");
        assertThat(t.check("Garbled").message()).contains("AccessPolicy is not a JSON document");
        assertThat(t.check("Plain").remedy()).isEqualTo(new DenyRecoveryPointDeletion("plain-vault"));
    }

    @Test
    void terraformVaultsAreJudgedByThePolicyResourceThatNamesThem() {
        RuleTester t = RuleTester.rule(new BackupVaultAccessPolicy())
                .givenTerraform("backup")
                .evaluate()
                .statuses(Map.of("aws_backup_vault.protected", Status.SUCCESS, "aws_backup_vault.plain", Status.FAILURE,
                        "aws_backup_vault.conditional", Status.SUCCESS, "aws_backup_vault.undecided", Status.UNKNOWN));
        assertThat(t.check("aws_backup_vault.conditional").message()).contains("aws:PrincipalArn");
        assertThat(t.check("aws_backup_vault.undecided").message()).contains("var.deny_actions");
    }
}
