package dev.vigil.report.remedy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.EbsSnapshot;
import dev.vigil.core.model.Origin;
import dev.vigil.core.model.RdsCluster;
import dev.vigil.core.model.RdsInstance;
import dev.vigil.core.model.S3Bucket;
import dev.vigil.core.remedy.AddLifecycleConfiguration;
import dev.vigil.core.remedy.EnableBucketVersioning;
import dev.vigil.core.remedy.EnableMfaDelete;
import dev.vigil.core.remedy.EnableObjectLock;
import dev.vigil.core.remedy.BackupPlanDefaults;
import dev.vigil.core.remedy.CopySnapshotEncrypted;
import dev.vigil.core.remedy.EnablePointInTimeRecovery;
import dev.vigil.core.remedy.MakeSnapshotPrivate;
import dev.vigil.core.remedy.ProtectClusterWithBackupPlan;
import dev.vigil.core.remedy.ProtectWithBackupPlan;
import dev.vigil.core.remedy.Remedy;
import dev.vigil.core.remedy.SetNeptuneBackupRetention;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.RuleMeta;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EmitterTest {

    private static final RuleMeta PITR = new RuleMeta("DynamoDB-003", "t", Risk.HIGH, List.of(Category.RELIABILITY),
            List.of(), "DynamoDB", DynamoDbTable.class, Set.of(), EnablePointInTimeRecovery.class);
    private static final RuleMeta BACKUP = new RuleMeta("Backup-001", "t", Risk.LOW, List.of(Category.RELIABILITY),
            List.of(), "Backup", RdsInstance.class, Set.of(), ProtectWithBackupPlan.class);
    private static final String DB_A = "arn:aws:rds:eu-west-1:111122223333:db:a";
    private static final String DB_B = "arn:aws:rds:eu-west-1:111122223333:db:b";

    private static Check check(RuleMeta rule, String region, String name, Remedy remedy) {
        return new Check(rule, Status.FAILURE, name, name, new Origin.Live("111122223333", region), "fails", remedy,
                Map.of(), null);
    }

    private static final List<Check> FAILING = List.of(
            check(PITR, "us-east-1", "orders", new EnablePointInTimeRecovery("orders")),
            check(BACKUP, "eu-west-1", "b", new ProtectWithBackupPlan(DB_B, "b")),
            check(BACKUP, "eu-west-1", "a", new ProtectWithBackupPlan(DB_A, "a")),
            new Check(PITR, Status.FAILURE, "T", "T", new Origin.Template("t.yaml", 1, "t.yaml"), "fails",
                    new EnablePointInTimeRecovery("T"), Map.of(), null));

    private static RuleMeta s3(String id, Class<? extends Remedy> remedy) {
        return new RuleMeta(id, "t", Risk.LOW, List.of(Category.SECURITY), List.of(), "S3", S3Bucket.class, Set.of(),
                remedy);
    }

    /** One bucket failing all four S3 rules. */
    private static final List<Check> BUCKET = List.of(
            check(s3("S3-012", EnableBucketVersioning.class), "eu-west-1", "orders-archive",
                    new EnableBucketVersioning("orders-archive")),
            check(s3("S3-013", EnableMfaDelete.class), "eu-west-1", "orders-archive",
                    new EnableMfaDelete("orders-archive")),
            check(s3("S3-020", AddLifecycleConfiguration.class), "eu-west-1", "orders-archive",
                    new AddLifecycleConfiguration("orders-archive")),
            check(s3("S3-023", EnableObjectLock.class), "eu-west-1", "orders-archive",
                    new EnableObjectLock("orders-archive")));

    @Test
    void aResourceWithSeveralFixesIsWrittenOnceWithAllOfThem() {
        String yaml = Emitter.CLOUDFORMATION.render(BUCKET, "p");
        assertThat(yaml.split("  OrdersArchiveBucket:\n", -1)).hasSize(2);
        assertThat(yaml.split("VersioningConfiguration:", -1)).hasSize(2);
        assertThat(yaml).contains("# S3-013 orders-archive: fails (eu-west-1)\n"
                        + "# Not in CloudFormation: CloudFormation cannot set MFA delete",
                "  # S3-012 orders-archive: fails\n  # S3-020 orders-archive: fails\n  # S3-023 orders-archive: fails\n",
                "  # Merge VersioningConfiguration and LifecycleConfiguration and ObjectLockEnabled and "
                        + "ObjectLockConfiguration into this bucket's existing definition.\n",
                "      BucketName: orders-archive\n      VersioningConfiguration:\n        Status: Enabled\n",
                "      ObjectLockEnabled: true\n", "          - Id: vigil-example\n");

        String tf = Emitter.TERRAFORM.render(BUCKET, "p");
        assertThat(tf.split("resource \"aws_s3_bucket_versioning\" \"orders-archive\"", -1)).hasSize(2);
        assertThat(tf).contains("# S3-012 orders-archive: fails\n# S3-013 orders-archive: fails\n"
                        + "# A new resource beside this bucket.\n",
                "  bucket   = \"orders-archive\"\n",
                "  versioning_configuration {\n    status     = \"Enabled\"\n    mfa_delete = \"Enabled\"\n  }",
                "resource \"aws_s3_bucket_lifecycle_configuration\" \"orders-archive\"",
                "    days_after_initiation = 7", "  object_lock_enabled = \"Enabled\"");
        assertThat(tf.split("versioning_configuration \\{", -1)).hasSize(2);

        String sh = Emitter.CLI.render(BUCKET, "p");
        assertThat(sh).contains("aws s3api put-bucket-versioning --region eu-west-1 --bucket orders-archive \\\n"
                        + "  --versioning-configuration Status=Enabled,MFADelete=Enabled --mfa \"$ROOT_MFA\"",
                "aws s3api put-object-lock-configuration --region eu-west-1 --bucket orders-archive");
    }

    @Test
    void cliScriptLooksBeforeItCreatesAndAssignsBothInstancesInOneSelection() {
        String sh = Emitter.CLI.render(FAILING, "my-plan");
        assertThat(sh).startsWith("#!/usr/bin/env bash").contains("set -euo pipefail")
                .contains("aws dynamodb update-continuous-backups --region us-east-1 --table-name orders \\\n"
                        + "  --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true")
                .contains("aws backup describe-backup-vault --region eu-west-1 --backup-vault-name Default >/dev/null 2>&1 \\\n"
                        + "  || aws backup create-backup-vault --region eu-west-1 --backup-vault-name Default")
                .contains("BackupPlansList[?BackupPlanName=='my-plan']")
                .contains("\"ScheduleExpression\":\"cron(0 5 ? * * *)\",\"StartWindowMinutes\":480,"
                        + "\"CompletionWindowMinutes\":10080,\"Lifecycle\":{\"DeleteAfterDays\":35}")
                .contains("\"SelectionName\":\"" + BackupPlanDefaults.selectionName(List.of(DB_A, DB_B)) + "\"")
                .contains("\"Resources\":[\"" + DB_A + "\",\"" + DB_B + "\"]")
                .doesNotContain("--table-name T ");
    }

    @Test
    void cloudFormationHasOneTemplatePerRegion() {
        String yaml = Emitter.CLOUDFORMATION.render(FAILING, "my-plan");
        String[] docs = yaml.split("(?m)^---$");
        assertThat(docs).hasSize(2);
        assertThat(docs[0]).contains("for region eu-west-1", "Type: AWS::Backup::BackupPlan",
                "BackupPlanName: my-plan", "BackupPlanId: !Ref VigilRdsBackupPlan",
                "          - " + DB_A + "\n          - " + DB_B, "role/service-role/AWSBackupDefaultServiceRole");
        assertThat(docs[1]).contains("for region us-east-1", "  OrdersTable:\n    Type: AWS::DynamoDB::Table",
                "      PointInTimeRecoverySpecification:\n        PointInTimeRecoveryEnabled: true");
    }

    @Test
    void terraformUsesOneProviderAliasPerRegion() {
        String tf = Emitter.TERRAFORM.render(FAILING, "my-plan");
        assertThat(tf).contains("alias  = \"us_east_1\"", "alias  = \"eu_west_1\"",
                "resource \"aws_dynamodb_table\" \"orders\" {\n  provider = aws.us_east_1",
                "point_in_time_recovery {\n    enabled = true\n  }",
                "resource \"aws_backup_selection\" \"vigil_rds_eu_west_1\"",
                "plan_id      = aws_backup_plan.vigil_rds_eu_west_1.id", "delete_after = 35");
    }

    private static final RuleMeta PUBLIC = new RuleMeta("EBS-009", "t", Risk.HIGH, List.of(Category.SECURITY),
            List.of(), "EBS", EbsSnapshot.class, Set.of(), MakeSnapshotPrivate.class);
    private static final RuleMeta ENCRYPTED = new RuleMeta("EBS-011", "t", Risk.MEDIUM, List.of(Category.SECURITY),
            List.of(), "EBS", EbsSnapshot.class, Set.of(), CopySnapshotEncrypted.class);
    private static final List<Check> SNAPSHOTS = List.of(
            check(PUBLIC, "eu-west-1", "snap-1", new MakeSnapshotPrivate("snap-1")),
            check(ENCRYPTED, "eu-west-1", "snap-2", new CopySnapshotEncrypted("snap-2")));

    @Test
    void aChangeNoTemplateCanMakeIsWrittenAsItsReasonAndTheCliMakesIt() {
        assertThat(Emitter.CLI.render(SNAPSHOTS, "p"))
                .contains("aws ec2 modify-snapshot-attribute --region eu-west-1 --snapshot-id snap-1 \\\n"
                        + "  --attribute createVolumePermission --operation-type remove --group-names all")
                .contains("aws ec2 copy-snapshot --region eu-west-1 --source-region eu-west-1 --source-snapshot-id snap-2");
        String yaml = Emitter.CLOUDFORMATION.render(SNAPSHOTS, "p");
        assertThat(yaml).as("no template, only the reasons").doesNotContain("Resources:")
                .contains("# EBS-009 snap-1: fails (eu-west-1)\n# Not in CloudFormation: no CloudFormation resource "
                        + "type sets who may restore an EBS snapshot")
                .contains("# EBS-011 snap-2: fails (eu-west-1)\n# Not in CloudFormation: no CloudFormation resource "
                        + "type copies EBS snapshots");
        String tf = Emitter.TERRAFORM.render(SNAPSHOTS, "p");
        assertThat(tf).contains("# Not in Terraform: Terraform's AWS provider shares snapshots only with single accounts")
                .contains("# A new resource beside this EBS snapshot.\n"
                        + "resource \"aws_ebs_snapshot_copy\" \"snap-2\" {\n"
                        + "  provider           = aws.eu_west_1\n"
                        + "  source_snapshot_id = \"snap-2\"\n"
                        + "  source_region = \"eu-west-1\"\n"
                        + "  encrypted     = true\n}")
                .doesNotContain("resource \"aws_ebs_snapshot_copy\" \"snap-1\"");
    }

    @Test
    void substitutedValuesAreQuotedForEachLanguage() {
        assertThat(PropertyChange.hclString("a\"${b}%{c}\\")).isEqualTo("\"a\\\"$${b}%%{c}\\\\\"");
        assertThat(PropertyChange.yamlScalar("it's true")).isEqualTo("'it''s true'");
        assertThat(PropertyChange.shellWord("a b'c")).isEqualTo("'a b'\\''c'");
    }

    @Test
    void auroraClustersJoinTheDbInstancesOfTheirRegionInOneSelection() {
        RuleMeta aurora = new RuleMeta("Vigil-Backup-003", "t", Risk.MEDIUM, List.of(Category.RELIABILITY), List.of(),
                "Backup", RdsCluster.class, Set.of(), ProtectClusterWithBackupPlan.class);
        String cluster = "arn:aws:rds:eu-west-1:111122223333:cluster:orders";
        List<Check> failing = new java.util.ArrayList<>(FAILING);
        failing.add(check(aurora, "eu-west-1", "orders", new ProtectClusterWithBackupPlan(cluster, "orders")));
        List<String> arns = List.of(DB_A, DB_B, cluster).stream().sorted().toList();
        assertThat(Emitter.CLI.render(failing, "my-plan"))
                .contains("\"SelectionName\":\"" + BackupPlanDefaults.selectionName(arns) + "\"")
                .contains("\"Resources\":[" + String.join(",", arns.stream().map(a -> "\"" + a + "\"").toList()) + "]")
                .contains("#   Vigil-Backup-003 orders: fails");
        assertThat(Emitter.CLOUDFORMATION.render(failing, "my-plan")).contains("          - " + cluster);
        assertThat(Emitter.TERRAFORM.render(failing, "my-plan")).contains("\"" + cluster + "\"");
    }

    @Test
    void remedyFieldsAreSubstitutedIntoEveryForm() {
        RuleMeta neptune = new RuleMeta("Neptune-003", "t", Risk.MEDIUM, List.of(Category.RELIABILITY), List.of(),
                "Neptune", RdsCluster.class, Set.of(), SetNeptuneBackupRetention.class);
        List<Check> failing = List.of(check(neptune, "eu-west-1", "graph", new SetNeptuneBackupRetention("graph", "14")));
        assertThat(Emitter.CLI.render(failing, "p")).contains("aws neptune modify-db-cluster --region eu-west-1 "
                + "--db-cluster-identifier graph --backup-retention-period 14");
        assertThat(Emitter.CLOUDFORMATION.render(failing, "p")).contains("# Merge BackupRetentionPeriod into this "
                + "Neptune cluster's existing definition.", "    Type: AWS::Neptune::DBCluster",
                "      DBClusterIdentifier: graph\n      BackupRetentionPeriod: '14'\n");
        assertThat(Emitter.TERRAFORM.render(failing, "p")).contains("resource \"aws_neptune_cluster\" \"graph\"",
                "  backup_retention_period = \"14\"\n");
    }

    @Test
    void logicalIdsAreAlphanumeric() {
        assertThat(CloudFormationTemplate.logicalId("audit-log.v2", "Table")).isEqualTo("AuditLogV2Table");
        assertThat(CloudFormationTemplate.logicalId("2024_events", "Table")).isEqualTo("T2024EventsTable");
    }
}
