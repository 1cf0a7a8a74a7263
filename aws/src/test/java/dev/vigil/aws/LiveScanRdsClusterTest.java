package dev.vigil.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.aws.emulator.DemoAccount;
import dev.vigil.aws.emulator.MotoServer;
import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.rule.Catalog;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.vigil.aws.collect.RdsClusterCollector;
import dev.vigil.aws.collect.RegionContext;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.RdsCluster;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.RdsClient;

/** RDS-035 end to end on moto: DB clusters from one DescribeDBClusters, judged by their DeletionProtection flag. */
class LiveScanRdsClusterTest {

    @Test
    void clustersAreCollectedInOneCallAndJudgedByTheirFlag() {
        MotoServer moto = Emulator.fresh();
        AwsOptions options = Emulator.options(moto.endpoint(), List.of("us-east-1"));
        try (AwsConnection aws = new AwsConnection(options)) {
            RdsClient rds = aws.client(RdsClient::builder, "us-east-1");
            DemoAccount.createCluster(rds, "protected-cluster", "aurora-postgresql", true);
            DemoAccount.createCluster(rds, "open-cluster", "aurora-mysql", false);
        }
        try (AwsConnection aws = new AwsConnection(options)) {
            List<Check> checks = new LiveScanner(aws).scan(Catalog.load().select(List.of("RDS-035")), (r, d, t, n) -> { })
                    .checkList();
            assertThat(checks.stream().collect(Collectors.toMap(Check::resourceName, Check::status)))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("protected-cluster", Status.SUCCESS,
                            "open-cluster", Status.FAILURE));
            assertThat(aws.stats().calls("rds:DescribeDBClusters")).isEqualTo(1);
        }
        try (AwsConnection aws = new AwsConnection(options)) {
            Inventory named = new Inventory();
            new RdsClusterCollector().collect(new RegionContext(aws, "123456789012", "us-east-1"),
                    Set.of("open-cluster", "deleted-cluster"), named);
            assertThat(named.all(RdsCluster.class)).extracting(RdsCluster::name).containsExactly("open-cluster");
            assertThat(named.faults()).isEmpty();
            assertThat(aws.stats().calls("rds:DescribeDBClusters")).isEqualTo(2);
        }
    }
}
