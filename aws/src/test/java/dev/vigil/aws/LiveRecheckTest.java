package dev.vigil.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.aws.collect.DynamoDbTableCollector;
import dev.vigil.aws.collect.RdsInstanceCollector;
import dev.vigil.aws.collect.RegionContext;
import dev.vigil.aws.emulator.DemoAccount;
import dev.vigil.aws.emulator.MotoServer;
import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.RdsInstance;
import dev.vigil.core.rule.Catalog;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.rds.RdsClient;

/** Re-checks of named resources on moto: only their describe calls, and a resource that is gone is simply absent. */
class LiveRecheckTest {

    private static final String ACCOUNT = "123456789012";

    @Test
    void namedTablesCostTheirDescribesEachAndNoListing() {
        MotoServer moto = Emulator.fresh();
        AwsOptions options = Emulator.options(moto.endpoint(), List.of("us-east-1"));
        try (AwsConnection aws = new AwsConnection(options)) {
            DynamoDbClient dynamo = aws.client(DynamoDbClient::builder, "us-east-1");
            for (int i = 0; i < 30; i++) {
                DemoAccount.createTable(dynamo, "t-" + i, i == 1);
            }
        }
        try (AwsConnection aws = new AwsConnection(options)) {
            Inventory named = new Inventory();
            new DynamoDbTableCollector().collect(new RegionContext(aws, ACCOUNT, "us-east-1"),
                    Set.of("t-1", "t-2", "deleted"), named);
            assertThat(named.all(DynamoDbTable.class)).extracting(DynamoDbTable::name, t -> t.pointInTimeRecovery())
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("t-1", dev.vigil.core.model.Value.known(
                                    DynamoDbTable.PitrStatus.ENABLED)),
                            org.assertj.core.groups.Tuple.tuple("t-2", dev.vigil.core.model.Value.known(
                                    DynamoDbTable.PitrStatus.DISABLED)));
            assertThat(named.faults()).isEmpty();
            // a re-check reads every field of a named table (PITR, then encryption and deletion protection); the
            // deleted one stops at its first describe
            assertThat(aws.stats().snapshot()).containsOnlyKeys("dynamodb:DescribeContinuousBackups",
                    "dynamodb:DescribeTable");
            assertThat(aws.stats().calls("dynamodb:DescribeContinuousBackups")).isEqualTo(3);
            assertThat(aws.stats().calls("dynamodb:DescribeTable")).isEqualTo(2);
        }
    }

    @Test
    void aScannerLimitsTheNamedKindAndReadsTheRestWhole() {
        MotoServer moto = Emulator.fresh();
        AwsOptions options = Emulator.options(moto.endpoint(), List.of("us-east-1"));
        try (AwsConnection aws = new AwsConnection(options)) {
            RdsClient rds = aws.client(RdsClient::builder, "us-east-1");
            DemoAccount.createDatabase(rds, "billing-db", "postgres", Map.of());
            DemoAccount.createDatabase(rds, "reporting-db", "postgres", Map.of());
        }
        try (AwsConnection aws = new AwsConnection(options)) {
            Inventory named = new Inventory();
            new RdsInstanceCollector().collect(new RegionContext(aws, ACCOUNT, "us-east-1"),
                    Set.of("billing-db", "gone-db"), named);
            assertThat(named.all(RdsInstance.class)).extracting(RdsInstance::name).containsExactly("billing-db");
            assertThat(named.faults()).isEmpty();
            assertThat(aws.stats().calls("rds:DescribeDBInstances")).as("one filtered listing for all the names")
                    .isEqualTo(1);
        }
        try (AwsConnection aws = new AwsConnection(options)) {
            // Backup-001 judges instances with the region's snapshots and selections: those are read whole
            Inventory inventory = new LiveScanner(aws).collectRegion(ACCOUNT, "us-east-1",
                    Catalog.load().select(List.of("Backup-001")), Map.of(RdsInstance.class, Set.of("reporting-db")));
            assertThat(inventory.all(RdsInstance.class)).extracting(RdsInstance::name).containsExactly("reporting-db");
            assertThat(aws.stats().calls("rds:DescribeDBInstances")).isEqualTo(1);
            assertThat(aws.stats().calls("rds:DescribeDBSnapshots")).isEqualTo(1);
            assertThat(aws.stats().calls("backup:ListBackupPlans")).isEqualTo(1);
        }
    }
}
