package dev.vigil.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.core.rule.Catalog;
import dev.vigil.core.rule.RuleDefinition;
import dev.vigil.service.Recheck;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which rules an event makes stale, and on which resources, from the catalog's triggers. */
class EventRouterTest {

    private static final String ACCOUNT = "123456789012";
    /** The rules these cases are written for; the last test routes with the whole catalog. */
    private static final List<RuleDefinition> RULES = Catalog.load().all().stream()
            .filter(r -> Set.of("DynamoDB-003", "Backup-001", "RDS-035").contains(r.meta().id())).toList();
    private final EventRouter router = EventRouter.catalog();

    private static CloudTrailEvent event(String source, String name, ObjectNode request) throws PoisonMessage {
        return CloudTrailEvent.parse(CloudTrailEvents.event(ACCOUNT, "eu-west-1", source, name, request, null));
    }

    private static ObjectNode request(String... keyValues) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < keyValues.length; i += 2) {
            node.put(keyValues[i], keyValues[i + 1]);
        }
        return node;
    }

    private Recheck route(String source, String name, ObjectNode request) throws PoisonMessage {
        return router.route(event(source, name, request), RULES).orElseThrow();
    }

    @Test
    void aTableEventReChecksThatTableForDynamoDb003() throws PoisonMessage {
        Recheck r = route("dynamodb.amazonaws.com", "CreateTable", request("tableName", "orders"));
        assertThat(r.accountId()).isEqualTo(ACCOUNT);
        assertThat(r.region()).isEqualTo("eu-west-1");
        assertThat(r.rules()).containsExactly("DynamoDB-003");
        assertThat(r.resources()).isEqualTo(Map.of("DynamoDB-003", Set.of("orders")));

        ObjectNode restore = request("sourceTableName", "orders", "targetTableName", "orders-copy");
        assertThat(route("dynamodb.amazonaws.com", "RestoreTableToPointInTime", restore).resources())
                .isEqualTo(Map.of("DynamoDB-003", Set.of("orders-copy")));
        ObjectNode imported = JsonNodeFactory.instance.objectNode();
        imported.putObject("tableCreationParameters").put("tableName", "imported");
        assertThat(route("dynamodb.amazonaws.com", "ImportTable", imported).resources())
                .isEqualTo(Map.of("DynamoDB-003", Set.of("imported")));
        assertThat(route("dynamodb.amazonaws.com", "UpdateContinuousBackups",
                request("tableName", "arn:aws:dynamodb:eu-west-1:123456789012:table/orders")).resources())
                .as("an ARN names the table").isEqualTo(Map.of("DynamoDB-003", Set.of("orders")));
    }

    @Test
    void backupAndInstanceEventsReCheckTheRegionsBackupCoverage() throws PoisonMessage {
        for (String name : List.of("CreateBackupSelection", "DeleteBackupSelection", "DeleteBackupPlan",
                "UpdateRegionSettings")) {
            Recheck r = route("backup.amazonaws.com", name, request("backupPlanId", "p-1"));
            assertThat(r.rules()).as(name).containsExactly("Backup-001");
            assertThat(r.resources()).as(name + ": the region").isEmpty();
        }
        for (String name : List.of("CreateDBInstance", "DeleteDBInstance", "RestoreDBInstanceFromDBSnapshot",
                "RestoreDBInstanceToPointInTime")) {
            Recheck r = route("rds.amazonaws.com", name, request("dBInstanceIdentifier", "billing-db"));
            assertThat(r.rules()).as(name).containsExactly("Backup-001");
            assertThat(r.resources()).as(name + ": Backup-001 judges instances with their region").isEmpty();
        }
    }

    @Test
    void anRdsTagEventConcernsTheKindItsArnNames() throws PoisonMessage {
        Recheck cluster = route("rds.amazonaws.com", "AddTagsToResource",
                request("resourceName", "arn:aws:rds:eu-west-1:123456789012:cluster:Orders-Aurora"));
        assertThat(cluster.rules()).containsExactly("RDS-035");
        assertThat(cluster.resources()).isEqualTo(Map.of("RDS-035", Set.of("orders-aurora")));

        Recheck instance = route("rds.amazonaws.com", "RemoveTagsFromResource",
                request("resourceName", "arn:aws:rds:eu-west-1:123456789012:db:billing-db"));
        assertThat(instance.rules()).containsExactly("Backup-001");
    }

    @Test
    void aRenameReChecksTheOldNameAndTheNew() throws PoisonMessage {
        Recheck r = route("rds.amazonaws.com", "ModifyDBCluster",
                request("dBClusterIdentifier", "old", "newDBClusterIdentifier", "new"));
        assertThat(r.resources()).isEqualTo(Map.of("RDS-035", Set.of("old", "new")));
    }

    @Test
    void anEventWithoutTheNamingFieldReChecksTheRegion() throws PoisonMessage {
        Recheck r = route("dynamodb.amazonaws.com", "DeleteTable", request("somethingElse", "x"));
        assertThat(r.rules()).containsExactly("DynamoDB-003");
        assertThat(r.resources()).isEmpty();
    }

    @Test
    void nothingToDoWhenTheRuleConcernedIsOffAndPoisonWhenNoTriggerKnowsTheEvent() throws PoisonMessage {
        List<RuleDefinition> withoutBackup = RULES.stream().filter(r -> !r.meta().id().equals("Backup-001")).toList();
        assertThat(router.route(event("backup.amazonaws.com", "DeleteBackupPlan", request()), withoutBackup))
                .isEqualTo(Optional.empty());
        assertThatThrownBy(() -> router.route(event("dynamodb.amazonaws.com", "DescribeTable", request()), RULES))
                .isInstanceOf(PoisonMessage.class)
                .hasMessage("no rule is re-checked after dynamodb.amazonaws.com DescribeTable");
    }

    @Test
    void theEnvelopeIsCheckedFieldByField() {
        String good = CloudTrailEvents.dynamoDb(ACCOUNT, "eu-west-1", "CreateTable", "t", false);
        assertThatThrownBy(() -> CloudTrailEvent.parse(good.replace("\"account\":\"123456789012\"", "\"account\":\"me\"")))
                .hasMessage("the event's account 'me' is not an AWS account ID");
        assertThatThrownBy(() -> CloudTrailEvent.parse(good.replace("\"region\":\"eu-west-1\"", "\"region\":\"mars\"")))
                .hasMessage("the event's region 'mars' is not an AWS region name");
        assertThatThrownBy(() -> CloudTrailEvent.parse(good.replace("\"eventName\"", "\"name\"")))
                .hasMessage("not a CloudTrail event as EventBridge delivers it: no eventName");
        assertThatThrownBy(() -> CloudTrailEvent.parse("[1, 2]"))
                .hasMessage("not an EventBridge event: the body is not a JSON object");
        assertThatThrownBy(() -> CloudTrailEvent.parse("x".repeat(600_000)))
                .hasMessage("not an EventBridge event: 600000 characters");
    }

    @Test
    void aTableEventReChecksEveryRuleOfTheCatalogOverTables() throws PoisonMessage {
        Recheck r = router.route(event("dynamodb.amazonaws.com", "UpdateTable", request("tableName", "orders")),
                Catalog.load().all()).orElseThrow();
        assertThat(r.rules()).contains("DynamoDB-004", "Vigil-DynamoDB-001");
        assertThat(r.resources()).containsEntry("Vigil-DynamoDB-001", Set.of("orders"));
    }
}
