package dev.vigil.aws.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every collector of the catalog says after which events its kind is re-read, in the shape CloudTrail gives. */
class EventTriggersTest {

    private static final Pattern EVENT_NAME = Pattern.compile("[A-Z][A-Za-z0-9]+");
    private static final Pattern PATH = Pattern.compile("(requestParameters|responseElements)(\\.[A-Za-z0-9]+)+");

    @Test
    void everyCollectorOfTheCatalogDeclaresTriggers() {
        assertThat(CollectorCatalog.all()).isNotEmpty().allSatisfy(collector -> assertThat(collector.triggers())
                .as("%s declares the events after which its kind is re-read", collector.kind().getSimpleName())
                .isNotEmpty());
    }

    @Test
    void triggersAreInCloudTrailsShape() {
        for (Collector collector : CollectorCatalog.all()) {
            for (EventTrigger trigger : collector.triggers()) {
                assertThat(trigger.source()).as(collector.kind().getSimpleName()).matches("[a-z0-9-]+\\.amazonaws\\.com");
                assertThat(trigger.eventBridgeSource()).isEqualTo("aws." + trigger.source().replace(".amazonaws.com", ""));
                assertThat(trigger.eventNames()).isNotEmpty().allMatch(n -> EVENT_NAME.matcher(n).matches());
                assertThat(trigger.resourcePaths()).allMatch(p -> PATH.matcher(p).matches());
            }
        }
    }

    @Test
    void namesComeFromNamesOrArnsOfTheirOwnKind() {
        EventTrigger.Names tables = DynamoDbTableCollector.TABLES;
        assertThat(tables.of("Orders")).contains("Orders");
        assertThat(tables.of("arn:aws:dynamodb:eu-west-1:123456789012:table/Orders")).contains("Orders");
        assertThat(tables.of("arn:aws:dynamodb:eu-west-1:123456789012:table/Orders/stream/2024-01-01T00:00:00.000"))
                .contains("Orders");
        assertThat(tables.of(" ")).isEmpty();

        EventTrigger.Names instances = RdsInstanceCollector.INSTANCES;
        assertThat(instances.of("Billing-DB")).contains("billing-db");
        assertThat(instances.of("arn:aws:rds:us-east-1:123456789012:db:billing-db")).contains("billing-db");
        assertThat(instances.of("arn:aws:rds:us-east-1:123456789012:cluster:orders")).isEmpty();
        assertThat(RdsClusterCollector.CLUSTERS.of("arn:aws:rds:us-east-1:123456789012:cluster:Orders"))
                .contains("orders");
        assertThat(RdsClusterCollector.CLUSTERS.of("arn:aws:rds:us-east-1:123456789012:db:billing-db")).isEmpty();
    }

    @Test
    void aTriggerWithPathsNeedsNamesAndARegionWideOneHasNone() {
        EventTrigger wide = EventTrigger.regionWide("backup.amazonaws.com", "DeleteBackupPlan");
        assertThat(wide.isRegionWide()).isTrue();
        assertThat(wide.names()).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new EventTrigger("rds.amazonaws.com",
                java.util.Set.of("X"), java.util.List.of("requestParameters.x"), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
