package dev.vigil.iac.cloudformation;

import static dev.vigil.iac.cloudformation.Fixtures.ROOT;
import static dev.vigil.iac.cloudformation.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.model.BackupSelection;
import dev.vigil.core.model.Fault;
import dev.vigil.core.model.Origin;
import dev.vigil.core.model.RdsCluster;
import dev.vigil.core.model.RdsInstance;
import dev.vigil.core.model.Resource;
import dev.vigil.core.model.TagCondition;
import dev.vigil.core.model.TagCondition.Operator;
import dev.vigil.core.model.Value;
import dev.vigil.core.model.Wildcard;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackupSelectionTest {

    private static final String FILE = ROOT + "backup/selections.yaml";
    private static final String DB_ARN = "arn:aws:rds:${AWS::Region}:${AWS::AccountId}:db:orders-db";

    private final CloudFormationScan scan = Fixtures.load("backup/selections.yaml");

    private BackupSelection selection(String id) {
        return resource(scan, BackupSelection.class, id);
    }

    @Test
    void dbInstancesWithSyntheticArns() {
        assertThat(resource(scan, RdsInstance.class, "Db")).isEqualTo(new RdsInstance(
                new Origin.Template(FILE, 14, FILE), "Db", "orders-db", DB_ARN, "postgres", null, null,
                Map.of("backup", "daily"), Value.known(1L), Value.known(false), Value.known(false)));
        RdsInstance replica = resource(scan, RdsInstance.class, "Replica");
        assertThat(replica.arn()).isEqualTo("arn:aws:rds:${AWS::Region}:${AWS::AccountId}:db:Replica");
        assertThat(replica.replicaSource()).isEqualTo("orders-db");
        RdsInstance member = resource(scan, RdsInstance.class, "AuroraMember");
        assertThat(member.clusterId()).isEqualTo("!Ref Cluster");
        assertThat(member.isClusterMember()).isTrue();
    }

    @Test
    void getAttSubAndRefAllResolveToTheInstanceArn() {
        assertThat(selection("ByGetAtt").resources()).containsExactly(Value.known(DB_ARN));
        assertThat(selection("BySub").resources()).containsExactly(Value.known(DB_ARN));
        assertThat(selection("ByRef").resources()).containsExactly(Value.known(DB_ARN));
        assertThat(selection("ByGetAtt").origin()).isEqualTo(new Origin.Template(FILE, 33, FILE));
        assertThat(selection("ByGetAtt").origin().scope()).isEqualTo(resource(scan, RdsInstance.class, "Db")
                .origin().scope());
    }

    @Test
    void dbClustersResolveToTheArnTheirMappingGivesThem() {
        CloudFormationScan clusters = Fixtures.load("backup/cluster-selections.yaml");
        String orders = "arn:aws:rds:${AWS::Region}:${AWS::AccountId}:cluster:orders-cluster";
        String graph = "arn:aws:rds:${AWS::Region}:${AWS::AccountId}:cluster:Graph";
        assertThat(resource(clusters, RdsCluster.class, "Orders").arn()).isEqualTo(orders);
        assertThat(resource(clusters, RdsCluster.class, "Graph").arn()).isEqualTo(graph);
        assertThat(resource(clusters, BackupSelection.class, "ByGetAtt").resources()).containsExactly(Value.known(orders));
        assertThat(resource(clusters, BackupSelection.class, "BySub").resources()).containsExactly(Value.known(orders));
        assertThat(resource(clusters, BackupSelection.class, "ByRef").resources()).containsExactly(Value.known(graph));
        assertThat(resource(clusters, BackupSelection.class, "ByLiteral").resources()).containsExactly(Value.unknown(
                "arn:aws:rds:us-east-1:123456789012:cluster:orders-cluster (covers a DB instance or cluster of this"
                        + " template only if deployed to that region and account)"));
    }

    @Test
    void planNameFromThePlanInTheTemplate() {
        assertThat(selection("ByGetAtt").planName()).isEqualTo("daily");
        assertThat(selection("BySub").planName()).isEqualTo("daily");
        assertThat(selection("ByGetAtt").name()).isEqualTo("by-getatt");
    }

    @Test
    void wildcardMatchesTheSyntheticArnAndNotResourcesExcludeTheReplica() {
        BackupSelection wildcard = selection("ByWildcard");

        assertThat(wildcard.resources()).containsExactly(Value.known("arn:aws:rds:*:*:db:*"));
        assertThat(Wildcard.matches("arn:aws:rds:*:*:db:*", DB_ARN)).isTrue();
        assertThat(wildcard.notResources()).containsExactly(
                Value.known(resource(scan, RdsInstance.class, "Replica").arn()));
    }

    @Test
    void listOfTagsAndConditions() {
        assertThat(selection("ByTags").listOfTags())
                .containsExactly(new TagCondition(Operator.STRING_EQUALS, "backup", "daily"));
        assertThat(selection("ByTags").resources()).isEmpty();
        assertThat(selection("ByConditions").resources()).containsExactly(Value.known("*"));
        assertThat(selection("ByConditions").conditions()).containsExactly(
                new TagCondition(Operator.STRING_EQUALS, "backup", "daily"),
                new TagCondition(Operator.STRING_NOT_LIKE, "env", "test*"));
        assertThat(selection("ByConditions").listOfTags()).isEmpty();
    }

    @Test
    void unresolvedArnsAreUnknownAndPlanIdIsKeptAsWritten() {
        BackupSelection unresolvable = selection("Unresolvable");

        assertThat(unresolvable.resources())
                .containsExactly(Value.unknown("!ImportValue shared-db-arn"), Value.known(DB_ARN));
        assertThat(unresolvable.planName()).isEqualTo("!ImportValue shared-plan-id");
    }

    @Test
    void undecidableTagTestIsAFaultNotASelection() {
        assertThat(scan.inventory().all(BackupSelection.class)).extracting(Resource::id)
                .doesNotContain("UndecidedTags");
        assertThat(scan.inventory().faults()).containsExactly(new Fault(new Origin.Template(FILE, 115, FILE),
                Set.of(BackupSelection.class), "cloudformation:evaluate",
                FILE + ":115: tag test of backup selection UndecidedTags cannot be decided: !Ref Schedule"));
    }

    @Test
    void refInsideIfIsTheInstanceArnWhenTheConditionIsDecided() {
        assertThat(selection("ByIf").resources())
                .containsExactly(Value.known(DB_ARN), Value.unknown("!Ref Schedule"));
    }

    @Test
    void literalArnMatchingOnlyInSomeRegionOrAccountIsUnknown() {
        assertThat(selection("ByLiteral").resources()).containsExactly(
                Value.unknown("arn:aws:rds:us-east-1:123456789012:db:orders-db (covers a DB instance or cluster of this"
                        + " template only if deployed to that region and account)"),
                Value.known("arn:aws:rds:us-east-1:123456789012:db:elsewhere"));
        CloudFormationScan deployed = Fixtures.load("backup/selections.yaml",
                CloudFormationOptions.defaults().withRegion("us-east-1").withAccountId("123456789012"));
        assertThat(resource(deployed, BackupSelection.class, "ByLiteral").resources()).containsExactly(
                Value.known("arn:aws:rds:us-east-1:123456789012:db:orders-db"),
                Value.known("arn:aws:rds:us-east-1:123456789012:db:elsewhere"));
    }

    @Test
    void regionAndAccountFromOptionsAppearInEveryArn() {
        CloudFormationScan given = Fixtures.load("backup/selections.yaml",
                CloudFormationOptions.defaults().withRegion("eu-west-1").withAccountId("123456789012"));
        String arn = "arn:aws:rds:eu-west-1:123456789012:db:orders-db";

        assertThat(resource(given, RdsInstance.class, "Db").arn()).isEqualTo(arn);
        for (String id : List.of("ByGetAtt", "BySub", "ByRef")) {
            assertThat(resource(given, BackupSelection.class, id).resources()).containsExactly(Value.known(arn));
        }
        assertThat(resource(given, BackupSelection.class, "ByIf").resources()).first().isEqualTo(Value.known(arn));
    }

    @Test
    void jsonJoinOfPseudoParametersAndRefMatchesInstanceWithoutIdentifier() {
        String file = ROOT + "backup/selections.json";
        CloudFormationScan json = Fixtures.load("backup/selections.json");

        RdsInstance db = resource(json, RdsInstance.class, "Db");
        assertThat(db.name()).isEqualTo("Db");
        assertThat(db.origin()).isEqualTo(new Origin.Template(file, 3, file));
        BackupSelection selection = resource(json, BackupSelection.class, "Selection");
        assertThat(selection.resources()).containsExactly(Value.known(db.arn()));
        assertThat(selection.planName()).isEqualTo("plan-1234");
        assertThat(selection.name()).isEqualTo("json");
    }
}
