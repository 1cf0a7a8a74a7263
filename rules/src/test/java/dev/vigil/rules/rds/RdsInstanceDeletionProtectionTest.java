package dev.vigil.rules.rds;

import static dev.vigil.rules.rds.RdsFixtures.dbArn;
import static dev.vigil.rules.rds.RdsFixtures.instance;
import static dev.vigil.rules.rds.RdsFixtures.member;
import static dev.vigil.rules.rds.RdsFixtures.replica;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.check.Status;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.EnableInstanceDeletionProtection;
import dev.vigil.rules.RuleTester;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RdsInstanceDeletionProtectionTest {

    private static final Value<Long> WEEK = Value.known(7L);
    private static final Value<Boolean> OFF = Value.known(false);

    @Test
    void unprotectedInstancesAndReplicasFailClusterMembersAreProtectedByTheirCluster() {
        RuleTester t = RuleTester.rule(new RdsInstanceDeletionProtection())
                .given(instance("protected", WEEK, OFF, Value.known(true)), instance("open", WEEK, OFF, OFF),
                        instance("unread", WEEK, OFF, Value.failed("AWS did not report DeletionProtection")),
                        replica("replica", "protected"), member("aurora-member", "aurora-mysql"),
                        member("multi-az-member", "mysql"))
                .evaluate()
                .statuses(Map.of(dbArn("protected"), Status.SUCCESS, dbArn("open"), Status.FAILURE,
                        dbArn("unread"), Status.ERROR, dbArn("replica"), Status.FAILURE));
        assertThat(t.check(dbArn("open")).remedy()).isEqualTo(new EnableInstanceDeletionProtection("open"));
    }

    @Test
    void cloudFormationInstancesAreJudgedByTheirProperty() {
        RuleTester t = RuleTester.rule(new RdsInstanceDeletionProtection()).givenCloudFormation("rds-instances.yaml")
                .evaluate()
                .statuses(Map.of("Hardened", Status.SUCCESS, "Defaults", Status.FAILURE, "BackupsOff", Status.FAILURE,
                        "AsStrings", Status.SUCCESS, "FromParameters", Status.UNKNOWN, "Misspelt", Status.ERROR,
                        "Restored", Status.FAILURE, "Replica", Status.FAILURE));
        assertThat(t.check("Hardened").remedy()).isNull();
        assertThat(t.check("Defaults").remedy()).isEqualTo(new EnableInstanceDeletionProtection("Defaults"));
        assertThat(t.check("Misspelt").message()).contains("DeletionProtection is 'yes'; CloudFormation accepts true "
                + "or false");
    }

    @Test
    void terraformInstancesAreJudgedByTheirArgument() {
        RuleTester t = RuleTester.rule(new RdsInstanceDeletionProtection()).givenTerraform("rds-instances").evaluate()
                .statuses(Map.of("aws_db_instance.hardened", Status.SUCCESS, "aws_db_instance.defaults", Status.FAILURE,
                        "aws_db_instance.one_day", Status.FAILURE, "aws_db_instance.converted", Status.SUCCESS,
                        "aws_db_instance.from_variables", Status.UNKNOWN, "aws_db_instance.misspelt", Status.ERROR,
                        "aws_db_instance.restored", Status.FAILURE, "aws_db_instance.replica", Status.FAILURE));
        assertThat(t.check("aws_db_instance.from_variables").message()).contains("var.protect");
        assertThat(t.check("aws_db_instance.misspelt").message()).contains("deletion_protection");
    }
}
