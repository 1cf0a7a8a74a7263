package dev.vigil.rules.backup;

import static dev.vigil.rules.Fixtures.auroraMember;
import static dev.vigil.rules.Fixtures.backupSnapshot;
import static dev.vigil.rules.Fixtures.db;
import static dev.vigil.rules.Fixtures.dbArn;
import static dev.vigil.rules.Fixtures.live;
import static dev.vigil.rules.Fixtures.regionSettings;
import static dev.vigil.rules.Fixtures.replica;
import static dev.vigil.rules.Fixtures.selection;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.check.Status;
import dev.vigil.core.model.BackupSelection;
import dev.vigil.core.model.Fault;
import dev.vigil.core.model.Origin;
import dev.vigil.core.model.RdsInstance;
import dev.vigil.core.model.TagCondition;
import dev.vigil.core.model.TagCondition.Operator;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.ProtectWithBackupPlan;
import dev.vigil.rules.RuleTester;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AwsBackupForRdsTest {

    private static final String R = "us-east-1";

    private static RuleTester run(Object... resources) {
        RuleTester t = RuleTester.rule(new AwsBackupForRds());
        for (Object r : resources) {
            if (r instanceof Fault f) {
                t.givenFault(f);
            } else {
                t.given((dev.vigil.core.model.Resource) r);
            }
        }
        return t.evaluate();
    }

    @Test
    void awsBackupSnapshotProtectsAndOtherInstancesFailWithARemedy() {
        RuleTester t = run(db(R, "a", Map.of()), db(R, "b", Map.of()), backupSnapshot(R, "a"))
                .statuses(Map.of(dbArn(R, "a"), Status.SUCCESS, dbArn(R, "b"), Status.FAILURE));
        assertThat(t.check(dbArn(R, "a")).message()).contains("AWS Backup snapshot");
        assertThat(t.check(dbArn(R, "b")).remedy()).isEqualTo(new ProtectWithBackupPlan(dbArn(R, "b"), "b"));
        assertThat(t.notes()).containsExactly("AWS Backup is in use for Amazon RDS in us-east-1 (1 of 2 DB instances protected)");
    }

    @Test
    void snapshotsOfOtherTypesOrRegionsDoNotCount() {
        var manual = new dev.vigil.core.model.RdsSnapshot(live(R), "s", "s", "a", "manual");
        run(db(R, "a", Map.of()), manual, backupSnapshot("eu-west-1", "a"))
                .statuses(Map.of(dbArn(R, "a"), Status.FAILURE));
    }

    @Test
    void selectionByWildcardArnWithConditionsAndNotResources() {
        BackupSelection sel = selection(R, List.of("arn:aws:rds:*:*:db:*"), List.of(dbArn(R, "excluded")), List.of(),
                List.of(new TagCondition(Operator.STRING_EQUALS, "backup", "yes"),
                        new TagCondition(Operator.STRING_NOT_LIKE, "env", "dev*")));
        run(sel,
                db(R, "prod", Map.of("backup", "yes", "env", "prod")),
                db(R, "dev", Map.of("backup", "yes", "env", "dev-1")),
                db(R, "untagged", Map.of()),
                db(R, "excluded", Map.of("backup", "yes")))
                .statuses(Map.of(dbArn(R, "prod"), Status.SUCCESS, dbArn(R, "dev"), Status.FAILURE,
                        dbArn(R, "untagged"), Status.FAILURE, dbArn(R, "excluded"), Status.FAILURE));
    }

    @Test
    void selectionByListOfTagsIsOredWithResources() {
        BackupSelection sel = selection(R, List.of(dbArn(R, "named")), List.of(),
                List.of(new TagCondition(Operator.STRING_EQUALS, "team", "a"),
                        new TagCondition(Operator.STRING_LIKE, "tier", "gold*")), List.of());
        run(sel, db(R, "named", Map.of()), db(R, "team-a", Map.of("team", "a")),
                db(R, "gold", Map.of("tier", "gold-plus")), db(R, "other", Map.of("team", "b")))
                .statuses(Map.of(dbArn(R, "named"), Status.SUCCESS, dbArn(R, "team-a"), Status.SUCCESS,
                        dbArn(R, "gold"), Status.SUCCESS, dbArn(R, "other"), Status.FAILURE));
    }

    @Test
    void selectionInAnotherRegionDoesNotCover() {
        run(selection("eu-west-1", List.of("*"), List.of(), List.of(), List.of()), db(R, "a", Map.of()))
                .statuses(Map.of(dbArn(R, "a"), Status.FAILURE));
    }

    @Test
    void auroraMembersAreOutOfScopeAndEmptyRegionsYieldNothing() {
        RuleTester t = run(auroraMember(R, "aurora-1"));
        assertThat(t.result().checkList()).isEmpty();
        assertThat(t.notes()).isEmpty();
    }

    @Test
    void readReplicaPassesThroughItsProtectedSourceOnly() {
        run(db(R, "source", Map.of()), backupSnapshot(R, "source"), replica(R, "replica", "source"),
                db(R, "lonely-source", Map.of()), replica(R, "replica-2", "lonely-source"),
                replica("eu-west-1", "cross", dbArn(R, "source")))
                .statuses(Map.of(dbArn(R, "source"), Status.SUCCESS, dbArn(R, "replica"), Status.SUCCESS,
                        dbArn(R, "lonely-source"), Status.FAILURE, dbArn(R, "replica-2"), Status.FAILURE,
                        dbArn("eu-west-1", "cross"), Status.SUCCESS));
    }

    @Test
    void unresolvedSelectionPatternIsUnknownUnlessSomethingElseCovers() {
        Origin.Template origin = new Origin.Template("stack.yaml", 3, "stack.yaml");
        RdsInstance db = new RdsInstance(origin, "Database", "Database", "arn:aws:rds:${AWS::Region}:${AWS::AccountId}:db:Database",
                "mysql", null, null, Map.of("backup", "yes"), Value.known(1L), Value.known(false), Value.known(false));
        RdsInstance other = new RdsInstance(origin, "Other", "Other", "arn:aws:rds:${AWS::Region}:${AWS::AccountId}:db:Other",
                "mysql", null, null, Map.of(), Value.known(1L), Value.known(false), Value.known(false));
        BackupSelection unresolved = new BackupSelection(origin, "Sel", "Sel", "Plan",
                List.of(Value.unknown("!ImportValue shared-db-arn")), List.of(),
                List.of(new TagCondition(Operator.STRING_EQUALS, "backup", "yes")), List.of());
        RuleTester t = run(db, other, unresolved)
                .statuses(Map.of("Database", Status.SUCCESS, "Other", Status.UNKNOWN));
        assertThat(t.check("Other").message()).contains("!ImportValue shared-db-arn");
        assertThat(t.notes()).containsExactly(
                "AWS Backup is in use for Amazon RDS in stack.yaml (1 of 2 DB instances protected, 1 undecided)");
        assertThat(run(other, unresolved).notes()).containsExactly(
                "Whether AWS Backup is in use for Amazon RDS cannot be decided in stack.yaml (0 of 1 DB instances "
                        + "protected, 1 undecided)");
    }

    @Test
    void backupListingFaultTurnsFailuresIntoErrorsButKeepsSnapshotEvidence() {
        Fault denied = new Fault(live(R), Set.of(BackupSelection.class), "backup:ListBackupPlans",
                "AccessDeniedException: not authorized");
        RuleTester t = run(db(R, "a", Map.of()), db(R, "b", Map.of()), backupSnapshot(R, "a"), denied)
                .statuses(Map.of(dbArn(R, "a"), Status.SUCCESS, dbArn(R, "b"), Status.ERROR));
        assertThat(t.check(dbArn(R, "b")).message()).contains("backup:ListBackupPlans", "AccessDenied");
        assertThat(t.check(dbArn(R, "b")).remedy()).isNull();
    }

    @Test
    void aSelectionWithoutResourcesTagsOrConditionsSelectsEveryOptedInResource() {
        BackupSelection everything = selection(R, List.of(), List.of(), List.of(), List.of());
        RuleTester stated = run(everything, db(R, "a", Map.of()), regionSettings(R, Value.known(true)))
                .statuses(Map.of(dbArn(R, "a"), Status.SUCCESS));
        assertThat(stated.check(dbArn(R, "a")).message()).endsWith("and RDS is opted in to AWS Backup in this region");

        RuleTester unstated = run(everything, db(R, "a", Map.of())).statuses(Map.of(dbArn(R, "a"), Status.SUCCESS));
        assertThat(unstated.check(dbArn(R, "a")).message()).contains("relies on AWS Backup's default service opt-in");

        RuleTester optedOut = run(everything, db(R, "a", Map.of()), regionSettings(R, Value.known(false)))
                .statuses(Map.of(dbArn(R, "a"), Status.FAILURE));
        assertThat(optedOut.check(dbArn(R, "a")).message()).contains("RDS is not opted in to AWS Backup in this region");
        assertThat(optedOut.check(dbArn(R, "a")).remedy()).isEqualTo(new ProtectWithBackupPlan(dbArn(R, "a"), "a"));
    }

    @Test
    void tagsConditionsAndWildcardsFollowTheOptInWhileAPatternNamingTheDbTypeDoesNot() {
        var tagged = Map.of("backup", "yes");
        BackupSelection byTags = selection(R, List.of(), List.of(),
                List.of(new TagCondition(Operator.STRING_EQUALS, "backup", "yes")), List.of());
        BackupSelection byConditions = selection(R, List.of(), List.of(), List.of(),
                List.of(new TagCondition(Operator.STRING_EQUALS, "backup", "yes")));
        BackupSelection byStar = selection(R, List.of("*"), List.of(), List.of(), List.of());
        BackupSelection byService = selection(R, List.of("arn:aws:rds:*"), List.of(), List.of(), List.of());
        BackupSelection byType = selection(R, List.of("arn:aws:rds:*:*:db:*"), List.of(), List.of(), List.of());
        BackupSelection byArn = selection(R, List.of(dbArn(R, "named")), List.of(), List.of(), List.of());
        for (BackupSelection optInDependent : List.of(byTags, byConditions, byStar, byService)) {
            run(optInDependent, db(R, "a", tagged), regionSettings(R, Value.known(false)))
                    .statuses(Map.of(dbArn(R, "a"), Status.FAILURE));
            run(optInDependent, db(R, "a", tagged), regionSettings(R, Value.known(true)))
                    .statuses(Map.of(dbArn(R, "a"), Status.SUCCESS));
        }
        run(byConditions, db(R, "untagged", Map.of()), regionSettings(R, Value.known(true)))
                .statuses(Map.of(dbArn(R, "untagged"), Status.FAILURE));
        run(byType, db(R, "a", Map.of()), regionSettings(R, Value.known(false)))
                .statuses(Map.of(dbArn(R, "a"), Status.SUCCESS));
        run(byArn, db(R, "named", Map.of()), db(R, "other", Map.of()), regionSettings(R, Value.known(false)))
                .statuses(Map.of(dbArn(R, "named"), Status.SUCCESS, dbArn(R, "other"), Status.FAILURE));
    }

    @Test
    void anOptInThatCannotBeKnownIsUnknownInTemplatesAndAnErrorLive() {
        BackupSelection byTags = selection(R, List.of(), List.of(),
                List.of(new TagCondition(Operator.STRING_EQUALS, "backup", "yes")), List.of());
        RuleTester unknown = run(byTags, db(R, "a", Map.of("backup", "yes")),
                regionSettings(R, Value.unknown("var.opt_in")))
                .statuses(Map.of(dbArn(R, "a"), Status.UNKNOWN));
        assertThat(unknown.check(dbArn(R, "a")).message()).contains("var.opt_in");

        RuleTester failed = run(byTags, db(R, "a", Map.of("backup", "yes")), db(R, "b", Map.of()),
                regionSettings(R, Value.failed("backup:DescribeRegionSettings failed: AccessDeniedException: no")))
                .statuses(Map.of(dbArn(R, "a"), Status.ERROR, dbArn(R, "b"), Status.FAILURE));
        assertThat(failed.check(dbArn(R, "a")).message()).contains("DescribeRegionSettings failed: AccessDenied");
        assertThat(failed.notes()).containsExactly("Whether AWS Backup is in use for Amazon RDS cannot be decided in "
                + "us-east-1 (0 of 2 DB instances protected, 1 undecided)");

        RuleTester disagreeing = run(byTags, db(R, "a", Map.of("backup", "yes")),
                regionSettings(R, Value.known(true)), regionSettings(R, Value.known(false)));
        disagreeing.statuses(Map.of(dbArn(R, "a"), Status.UNKNOWN));
        assertThat(disagreeing.check(dbArn(R, "a")).message()).contains("which differ");
    }

    @Test
    void aRegionWhoseListingFailedCannotBeDecidedRatherThanNotInUse() {
        Fault denied = new Fault(live(R), Set.of(BackupSelection.class), "backup:ListBackupPlans",
                "AccessDeniedException: not authorized");
        RuleTester t = run(db(R, "a", Map.of()), db(R, "b", Map.of()), denied, db("eu-west-1", "c", Map.of()))
                .statuses(Map.of(dbArn(R, "a"), Status.ERROR, dbArn(R, "b"), Status.ERROR,
                        dbArn("eu-west-1", "c"), Status.FAILURE));
        assertThat(t.notes()).containsExactlyInAnyOrder(
                "Whether AWS Backup is in use for Amazon RDS cannot be decided in us-east-1 (0 of 2 DB instances "
                        + "protected, 2 undecided)",
                "AWS Backup is not in use for Amazon RDS in eu-west-1 (0 of 1 DB instances protected)");
    }

    @Test
    void cloudFormationSelectionsByGetAttSubRefTagsAndConditionsAuroraMembersSkipped() {
        RuleTester t = RuleTester.rule(new AwsBackupForRds())
                .givenCloudFormation("rds-backup.yaml")
                .evaluate()
                .statuses(Map.of("ByGetAtt", Status.SUCCESS, "BySub", Status.SUCCESS, "ByRef", Status.SUCCESS,
                        "Tagged", Status.SUCCESS, "TaggedProd", Status.SUCCESS, "TaggedTest", Status.FAILURE,
                        "Excluded", Status.FAILURE, "Unprotected", Status.FAILURE));
        assertThat(t.check("ByGetAtt").message()).contains("by-arns");
        assertThat(t.check("Tagged").message()).contains("by-tags");
        assertThat(t.check("TaggedProd").message()).contains("by-conditions");
        assertThat(t.check("Unprotected").remedy()).isInstanceOf(ProtectWithBackupPlan.class);
    }

    @Test
    void cloudFormationSelectionThatCannotBeDecidedIsAnErrorNotAFailure() {
        RuleTester t = RuleTester.rule(new AwsBackupForRds())
                .givenCloudFormation("rds-undecided.yaml")
                .evaluate()
                .statuses(Map.of("Db", Status.ERROR));
        assertThat(t.check("Db").message()).contains("!Ref Owner");
    }

    @Test
    void terraformSelectionsByArnReferenceModuleOutputTagsAndConditionsClusterMembersSkipped() {
        RuleTester t = RuleTester.rule(new AwsBackupForRds())
                .givenTerraform("rds-backup")
                .evaluate()
                .statuses(Map.of("aws_db_instance.by_reference", Status.SUCCESS,
                        "module.db.aws_db_instance.this", Status.SUCCESS,
                        "aws_db_instance.tagged[0]", Status.SUCCESS, "aws_db_instance.tagged[1]", Status.FAILURE,
                        "aws_db_instance.reports", Status.SUCCESS, "aws_db_instance.excluded", Status.FAILURE,
                        "aws_db_instance.replica", Status.SUCCESS));
        assertThat(t.check("aws_db_instance.by_reference").message()).contains("by-arns");
        assertThat(t.check("aws_db_instance.tagged[0]").message()).contains("by-tags");
        assertThat(t.check("aws_db_instance.reports").message()).contains("by-conditions");
        assertThat(t.check("aws_db_instance.replica").message()).contains("source DB instance by-reference");
        assertThat(t.check("aws_db_instance.excluded").remedy()).isInstanceOf(ProtectWithBackupPlan.class);
    }

    @Test
    void cloudFormationSelectionOfEverythingPassesOnAwsDefaultOptInAndSaysSo() {
        RuleTester t = RuleTester.rule(new AwsBackupForRds())
                .givenCloudFormation("rds-everything.yaml")
                .evaluate()
                .statuses(Map.of("Database", Status.SUCCESS));
        assertThat(t.check("Database").message()).contains("everything",
                "relies on AWS Backup's default service opt-in for RDS");
    }

    @Test
    void terraformRegionSettingsDecideSelectionsByTagsOrEverythingButNotByArn() {
        RuleTester t = RuleTester.rule(new AwsBackupForRds())
                .givenTerraform("rds-opt-in")
                .evaluate()
                .statuses(Map.of("aws_db_instance.tagged", Status.FAILURE, "aws_db_instance.named", Status.SUCCESS));
        assertThat(t.check("aws_db_instance.tagged").message())
                .contains("RDS is not opted in to AWS Backup in this region");
        assertThat(t.check("aws_db_instance.named").message()).contains("by-arn");
    }

    @Test
    void terraformOptInFromAVariableWithoutValueIsUnknownNamingIt() {
        RuleTester t = RuleTester.rule(new AwsBackupForRds())
                .givenTerraform("rds-opt-in-unknown")
                .evaluate()
                .statuses(Map.of("aws_db_instance.tagged", Status.UNKNOWN));
        assertThat(t.check("aws_db_instance.tagged").message()).contains("var.rds_opt_in");
    }

    @Test
    void terraformSelectionEntryThatCannotBeResolvedIsUnknownNamingIt() {
        RuleTester t = RuleTester.rule(new AwsBackupForRds())
                .givenTerraform("rds-unknown")
                .evaluate()
                .statuses(Map.of("aws_db_instance.db", Status.UNKNOWN));
        assertThat(t.check("aws_db_instance.db").message()).contains("var.extra");
    }
}
