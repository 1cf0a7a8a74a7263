package dev.vigil.rules.rds;

import static dev.vigil.rules.rds.RdsFixtures.dbArn;
import static dev.vigil.rules.rds.RdsFixtures.instance;
import static dev.vigil.rules.rds.RdsFixtures.member;
import static dev.vigil.rules.rds.RdsFixtures.replica;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.check.Status;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.EnableCopyTagsToSnapshot;
import dev.vigil.rules.RuleTester;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RdsCopyTagsToSnapshotsTest {

    private static final Value<Long> WEEK = Value.known(7L);
    private static final Value<Boolean> OFF = Value.known(false);

    @Test
    void instancesAndReplicasThatDoNotCopyTagsFailClusterMembersAreLeftToTheirCluster() {
        RuleTester t = RuleTester.rule(new RdsCopyTagsToSnapshots())
                .given(instance("copies", WEEK, Value.known(true), OFF), instance("bare", WEEK, OFF, OFF),
                        instance("unread", WEEK, Value.failed("AWS did not report CopyTagsToSnapshot"), OFF),
                        replica("replica", "copies"), member("member", "aurora-postgresql"))
                .evaluate()
                .statuses(Map.of(dbArn("copies"), Status.SUCCESS, dbArn("bare"), Status.FAILURE,
                        dbArn("unread"), Status.ERROR, dbArn("replica"), Status.FAILURE));
        assertThat(t.check(dbArn("bare")).remedy()).isEqualTo(new EnableCopyTagsToSnapshot("bare"));
    }

    @Test
    void cloudFormationInstancesAreJudgedByTheirProperty() {
        RuleTester t = RuleTester.rule(new RdsCopyTagsToSnapshots()).givenCloudFormation("rds-instances.yaml").evaluate()
                .statuses(Map.of("Hardened", Status.SUCCESS, "Defaults", Status.FAILURE, "BackupsOff", Status.FAILURE,
                        "AsStrings", Status.SUCCESS, "FromParameters", Status.UNKNOWN, "Misspelt", Status.ERROR,
                        "Restored", Status.FAILURE, "Replica", Status.FAILURE));
        assertThat(t.check("Defaults").remedy()).isEqualTo(new EnableCopyTagsToSnapshot("Defaults"));
        assertThat(t.check("FromParameters").message()).contains("!Ref Protect");
    }

    @Test
    void terraformInstancesAreJudgedByTheirArgument() {
        RuleTester t = RuleTester.rule(new RdsCopyTagsToSnapshots()).givenTerraform("rds-instances").evaluate()
                .statuses(Map.of("aws_db_instance.hardened", Status.SUCCESS, "aws_db_instance.defaults", Status.FAILURE,
                        "aws_db_instance.one_day", Status.FAILURE, "aws_db_instance.converted", Status.SUCCESS,
                        "aws_db_instance.from_variables", Status.UNKNOWN, "aws_db_instance.misspelt", Status.ERROR,
                        "aws_db_instance.restored", Status.FAILURE, "aws_db_instance.replica", Status.FAILURE));
        assertThat(t.check("aws_db_instance.hardened").resourceName()).isEqualTo("orders-db");
    }
}
