package dev.vigil.rules.rds;

import static dev.vigil.rules.rds.RdsFixtures.dbArn;
import static dev.vigil.rules.rds.RdsFixtures.instance;
import static dev.vigil.rules.rds.RdsFixtures.member;
import static dev.vigil.rules.rds.RdsFixtures.replica;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.check.Status;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.EnableAutomatedBackups;
import dev.vigil.rules.RuleTester;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RdsAutomatedBackupsTest {

    private static final Value<Boolean> OFF = Value.known(false);

    @Test
    void instancesWithoutAutomatedBackupsFailClusterMembersAndReplicasAreNotJudged() {
        RuleTester t = RuleTester.rule(new RdsAutomatedBackups())
                .given(instance("kept", Value.known(1L), OFF, OFF), instance("off", Value.known(0L), OFF, OFF),
                        instance("unread", Value.failed("AWS did not report BackupRetentionPeriod"), OFF, OFF),
                        replica("replica", "kept"), member("aurora-member", "aurora-postgresql"),
                        member("multi-az-member", "postgres"))
                .evaluate()
                .statuses(Map.of(dbArn("kept"), Status.SUCCESS, dbArn("off"), Status.FAILURE,
                        dbArn("unread"), Status.ERROR));
        assertThat(t.check(dbArn("off")).remedy()).isEqualTo(new EnableAutomatedBackups("off", "7"));
        assertThat(t.check(dbArn("kept")).message()).isEqualTo("Automated backups are on, kept 1 day(s)");
        assertThat(t.check(dbArn("unread")).message()).contains("AWS did not report BackupRetentionPeriod");
    }

    @Test
    void cloudFormationLeavesOneDayWhenTheRetentionIsLeftOut() {
        RuleTester t = RuleTester.rule(new RdsAutomatedBackups()).givenCloudFormation("rds-instances.yaml").evaluate()
                .statuses(Map.of("Hardened", Status.SUCCESS, "Defaults", Status.SUCCESS, "BackupsOff", Status.FAILURE,
                        "AsStrings", Status.SUCCESS, "FromParameters", Status.UNKNOWN, "Misspelt", Status.ERROR,
                        "Restored", Status.UNKNOWN));
        assertThat(t.check("Defaults").message()).isEqualTo("Automated backups are on, kept 1 day(s)");
        assertThat(t.check("BackupsOff").remedy()).isEqualTo(new EnableAutomatedBackups("BackupsOff", "7"));
        assertThat(t.check("FromParameters").message()).contains("!Ref Retention");
        assertThat(t.check("Misspelt").message()).contains("BackupRetentionPeriod is 'seven'");
        assertThat(t.check("Restored").message()).contains("restored from snapshot legacy-final");
    }

    @Test
    void terraformLeavesBackupsOffWhenTheRetentionIsLeftOut() {
        RuleTester t = RuleTester.rule(new RdsAutomatedBackups()).givenTerraform("rds-instances").evaluate()
                .statuses(Map.of("aws_db_instance.hardened", Status.SUCCESS, "aws_db_instance.defaults", Status.FAILURE,
                        "aws_db_instance.one_day", Status.SUCCESS, "aws_db_instance.converted", Status.SUCCESS,
                        "aws_db_instance.from_variables", Status.UNKNOWN, "aws_db_instance.misspelt", Status.ERROR,
                        "aws_db_instance.restored", Status.UNKNOWN));
        assertThat(t.check("aws_db_instance.defaults").remedy())
                .isEqualTo(new EnableAutomatedBackups("aws_db_instance.defaults", "7"));
        assertThat(t.check("aws_db_instance.from_variables").message()).contains("var.retention");
    }
}
