package dev.vigil.rules.rds;

import static dev.vigil.rules.rds.RdsFixtures.dbArn;
import static dev.vigil.rules.rds.RdsFixtures.instance;
import static dev.vigil.rules.rds.RdsFixtures.member;
import static dev.vigil.rules.rds.RdsFixtures.replica;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.check.Status;
import dev.vigil.core.model.RdsInstance;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.EnableAutomatedBackups;
import dev.vigil.core.remedy.RaiseBackupRetention;
import dev.vigil.rules.RuleTester;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RdsBackupRetentionTest {

    private static final Value<Boolean> OFF = Value.known(false);

    private static RdsInstance kept(String name, long days) {
        return instance(name, Value.known(days), OFF, OFF);
    }

    @Test
    void retentionBelowTheMinimumFailsOffBackupsGetTheFixThatTurnsThemOn() {
        RuleTester t = RuleTester.rule(new RdsBackupRetention())
                .given(kept("week", 7), kept("month", 35), kept("day", 1), kept("off", 0),
                        instance("unknown", Value.unknown("!Ref Retention"), OFF, OFF), replica("replica", "week"),
                        member("member", "aurora-mysql"))
                .evaluate()
                .statuses(Map.of(dbArn("week"), Status.SUCCESS, dbArn("month"), Status.SUCCESS,
                        dbArn("day"), Status.FAILURE, dbArn("off"), Status.FAILURE, dbArn("unknown"), Status.UNKNOWN));
        assertThat(t.check(dbArn("day")).remedy()).isEqualTo(new RaiseBackupRetention("day", "7"));
        assertThat(t.check(dbArn("day")).message()).isEqualTo("Automated backups are kept 1 day(s), fewer than the 7 "
                + "required");
        assertThat(t.check(dbArn("off")).remedy()).isEqualTo(new EnableAutomatedBackups("off", "7"));
        assertThat(t.check(dbArn("week")).properties()).containsEntry("backupRetentionDays", 7L);
    }

    @Test
    void theMinimumIsASetting() {
        RuleTester t = RuleTester.rule(new RdsBackupRetention()).setting("minimumRetentionPeriod", "14")
                .given(kept("week", 7), kept("fortnight", 14))
                .evaluate()
                .statuses(Map.of(dbArn("week"), Status.FAILURE, dbArn("fortnight"), Status.SUCCESS));
        assertThat(t.check(dbArn("week")).remedy()).isEqualTo(new RaiseBackupRetention("week", "14"));
        assertThatThrownBy(() -> RuleTester.rule(new RdsBackupRetention()).setting("minimumRetentionPeriod", "36"))
                .hasMessage("RDS-003.minimumRetentionPeriod must be between 1 and 35, not 36");
    }

    @Test
    void cloudFormationInstancesAreJudgedByTheirRetentionOrCloudFormationsDefault() {
        RuleTester t = RuleTester.rule(new RdsBackupRetention()).givenCloudFormation("rds-instances.yaml").evaluate()
                .statuses(Map.of("Hardened", Status.SUCCESS, "Defaults", Status.FAILURE, "BackupsOff", Status.FAILURE,
                        "AsStrings", Status.SUCCESS, "FromParameters", Status.UNKNOWN, "Misspelt", Status.ERROR,
                        "Restored", Status.UNKNOWN));
        assertThat(t.check("Defaults").remedy()).isEqualTo(new RaiseBackupRetention("Defaults", "7"));
        assertThat(t.check("Hardened").resourceName()).isEqualTo("orders-db");
        assertThat(t.check("Hardened").remedy()).isNull();
    }

    @Test
    void terraformInstancesAreJudgedByTheirRetentionOrTheProvidersDefault() {
        RuleTester.rule(new RdsBackupRetention()).givenTerraform("rds-instances").evaluate()
                .statuses(Map.of("aws_db_instance.hardened", Status.SUCCESS, "aws_db_instance.defaults", Status.FAILURE,
                        "aws_db_instance.one_day", Status.FAILURE, "aws_db_instance.converted", Status.SUCCESS,
                        "aws_db_instance.from_variables", Status.UNKNOWN, "aws_db_instance.misspelt", Status.ERROR,
                        "aws_db_instance.restored", Status.UNKNOWN));
    }
}
