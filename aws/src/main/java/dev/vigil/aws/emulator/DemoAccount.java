package dev.vigil.aws.emulator;

import dev.vigil.aws.AwsConnection;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.Tag;

/** Seeds an emulated account through the real SDK: the sample data {@code vigil demo} scans. */
public final class DemoAccount {

    /** Region → table name → PITR on. */
    public static final Map<String, Map<String, Boolean>> TABLES = Map.of(
            "us-east-1", Map.of("orders", true, "sessions", false, "audit-log", true),
            "eu-west-1", Map.of("customers", false, "invoices", true));

    /** Region → DB instance identifiers; none is protected by AWS Backup. */
    public static final Map<String, List<String>> DATABASES = Map.of(
            "us-east-1", List.of("billing-db"),
            "eu-west-1", List.of("reporting-db"));

    /** Region → DB cluster identifier → deletion protection on. */
    public static final Map<String, Map<String, Boolean>> CLUSTERS = Map.of(
            "us-east-1", Map.of("orders-aurora", true, "analytics-aurora", false));

    private DemoAccount() {
    }

    public static void seed(AwsConnection aws) {
        TABLES.forEach((region, tables) -> tables.forEach(
                (name, pitr) -> createTable(aws.client(DynamoDbClient::builder, region), name, pitr)));
        DATABASES.forEach((region, dbs) -> dbs.forEach(
                db -> createDatabase(aws.client(RdsClient::builder, region), db, "postgres", Map.of("team", "data"))));
        CLUSTERS.forEach((region, clusters) -> clusters.forEach(
                (id, protect) -> createCluster(aws.client(RdsClient::builder, region), id, "aurora-postgresql", protect)));
    }

    public static void createTable(DynamoDbClient dynamo, String name, boolean pitr) {
        dynamo.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
        if (pitr) {
            dynamo.updateContinuousBackups(r -> r.tableName(name)
                    .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
        }
    }

    /** An Aurora or Multi-AZ DB cluster with deletion protection as given. */
    public static void createCluster(RdsClient rds, String id, String engine, boolean deletionProtection) {
        rds.createDBCluster(r -> r.dbClusterIdentifier(id).engine(engine).masterUsername("admin")
                .masterUserPassword("demo-password-1").deletionProtection(deletionProtection));
    }

    public static void createDatabase(RdsClient rds, String id, String engine, Map<String, String> tags) {
        rds.createDBInstance(r -> r.dbInstanceIdentifier(id).engine(engine).dbInstanceClass("db.t3.micro")
                .allocatedStorage(20).masterUsername("admin").masterUserPassword("demo-password-1")
                .tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                        .toList()));
    }
}
