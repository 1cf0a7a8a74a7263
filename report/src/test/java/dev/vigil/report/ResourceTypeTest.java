package dev.vigil.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.rule.Catalog;
import dev.vigil.core.rule.RuleDefinition;
import org.junit.jupiter.api.Test;

class ResourceTypeTest {

    @Test
    void everyKindARuleChecksHasItsAsffAndCloudFormationType() {
        for (RuleDefinition rule : Catalog.load().all()) {
            assertThat(ResourceType.known(rule.meta().resource())).as(rule.meta().id() + " checks "
                    + rule.meta().resource().getSimpleName() + ": add it to ResourceType").isTrue();
        }
    }

    @Test
    void rdsSnapshotsAreDbOrClusterSnapshotsByTheirArnOrTerraformType() {
        var kind = dev.vigil.core.model.RdsManualSnapshot.class;
        assertThat(ResourceType.of(kind, "arn:aws:rds:us-east-1:123456789012:snapshot:orders-export").cloudFormation())
                .isEqualTo("AWS::RDS::DBSnapshot");
        assertThat(ResourceType.of(kind, "arn:aws:rds:us-east-1:123456789012:cluster-snapshot:ledger").asff())
                .isEqualTo("AwsRdsDbClusterSnapshot");
        assertThat(ResourceType.of(kind, "aws_db_cluster_snapshot.ledger").cloudFormation())
                .isEqualTo("AWS::RDS::DBClusterSnapshot");
        assertThat(ResourceType.of(kind, "aws_db_snapshot_copy.export").asff()).isEqualTo("AwsRdsDbSnapshot");
    }
}
