package dev.vigil.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.aws.EmulatorProxy.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;

/**
 * BatchImportFindings against moto's Security Hub (which has BatchImportFindings and GetFindings), through a
 * proxy that counts the calls and, for the throttling and access-denied cases only, answers in the shapes AWS
 * documents instead of moto.
 */
class SecurityHubImporterTest {

    private static final String ACCOUNT = "123456789012";
    private EmulatorProxy proxy;
    private AwsConnection connection;

    @BeforeEach
    void start() throws Exception {
        proxy = new EmulatorProxy(Emulator.fresh().endpoint());
        connection = new AwsConnection(Emulator.options(proxy.endpoint(), List.of("us-east-1")));
        hub("us-east-1").enableSecurityHub(r -> r.enableDefaultStandards(false));
    }

    @AfterEach
    void stop() {
        connection.close();
        proxy.close();
    }

    private SecurityHubClient hub(String region) {
        return connection.client(SecurityHubClient::builder, region);
    }

    private List<AwsSecurityFinding> stored(String region) {
        return hub(region).getFindingsPaginator(r -> r.maxResults(100)).findings().stream().toList();
    }

    private List<EmulatorProxy.Request> imports() {
        return proxy.requests().stream().filter(r -> r.path().equals("/findings/import")).toList();
    }

    /** A minimal finding in the shape the report module writes. */
    static String finding(String region, String id, String recordState, boolean withResource) {
        return """
                {"SchemaVersion":"2018-10-08","Id":"%2$s",
                 "ProductArn":"arn:aws:securityhub:%1$s:123456789012:product/123456789012/default",
                 "GeneratorId":"vigil/DynamoDB-003","AwsAccountId":"123456789012",
                 "Types":["Software and Configuration Checks/AWS Security Best Practices"],
                 "CreatedAt":"2025-03-04T05:06:07.089Z","UpdatedAt":"2025-03-04T05:06:07.089Z",
                 "Severity":{"Label":"HIGH","Original":"HIGH"},"Title":"DynamoDB-003 DynamoDB Continuous Backups",
                 "Description":"%2$s: Point-in-time recovery is not enabled",
                 "Resources":[%3$s],"Compliance":{"Status":"FAILED"},"RecordState":"%4$s"}
                """.formatted(region, id, withResource ? """
                {"Type":"AwsDynamoDbTable","Id":"arn:aws:dynamodb:%s:123456789012:table/t","Partition":"aws",
                 "Region":"%s"}""".formatted(region, region) : "", recordState);
    }

    @Test
    void importsInBatchesOfAHundredAndUpdatesTheSameFindingById() {
        SecurityHubImporter importer = new SecurityHubImporter(connection, ACCOUNT);
        IntStream.range(0, 250).forEach(i -> importer.add(ACCOUNT, "us-east-1", "id-" + i, false,
                finding("us-east-1", "id-" + i, "ACTIVE", true)));
        SecurityHubImporter.Outcome first = importer.finish();

        assertThat(first.imported()).isEqualTo(250);
        assertThat(first.failures()).isEmpty();
        assertThat(imports()).extracting(r -> r.body().split("\"Id\":\"id-").length - 1).containsExactly(100, 100, 50);
        assertThat(stored("us-east-1")).hasSize(250).allMatch(f -> f.recordStateAsString().equals("ACTIVE"));

        SecurityHubImporter again = new SecurityHubImporter(connection, ACCOUNT);
        again.add(ACCOUNT, "us-east-1", "id-7", true, finding("us-east-1", "id-7", "ARCHIVED", true));
        SecurityHubImporter.Outcome second = again.finish();

        assertThat(second.archived()).isEqualTo(1);
        List<AwsSecurityFinding> after = stored("us-east-1");
        assertThat(after).hasSize(250);
        assertThat(after).filteredOn(f -> f.id().equals("id-7")).singleElement()
                .satisfies(f -> assertThat(f.recordStateAsString()).isEqualTo("ARCHIVED"));
    }

    @Test
    void aFindingSecurityHubRejectsIsReportedWithItsIdAndTheOthersAreImported() {
        SecurityHubImporter importer = new SecurityHubImporter(connection, ACCOUNT);
        importer.add(ACCOUNT, "us-east-1", "good", false, finding("us-east-1", "good", "ACTIVE", true));
        importer.add(ACCOUNT, "us-east-1", "no-resource", false, finding("us-east-1", "no-resource", "ACTIVE", false));
        SecurityHubImporter.Outcome outcome = importer.finish();

        assertThat(outcome.imported()).isEqualTo(1);
        assertThat(outcome.failures()).singleElement().satisfies(f -> {
            assertThat(f.findingId()).isEqualTo("no-resource");
            assertThat(f.region()).isEqualTo("us-east-1");
            assertThat(f.cause()).startsWith("InvalidInput: ");
        });
        assertThat(stored("us-east-1")).extracting(AwsSecurityFinding::id).containsExactly("good");
    }

    @Test
    void throttledCallsAreRetriedAndNothingIsLost() {
        AtomicInteger throttles = new AtomicInteger(2);
        // recorded: AWS's answer when BatchImportFindings exceeds its rate (HTTP 429, ThrottlingException)
        proxy.when(r -> r.path().equals("/findings/import") && throttles.getAndDecrement() > 0,
                r -> new Response(429, "application/json", "{\"__type\":\"ThrottlingException\",\"message\":"
                        + "\"Rate exceeded\"}", Map.of("x-amzn-ErrorType", "ThrottlingException")));
        SecurityHubImporter importer = new SecurityHubImporter(connection, ACCOUNT);
        importer.add(ACCOUNT, "us-east-1", "a", false, finding("us-east-1", "a", "ACTIVE", true));

        assertThat(importer.finish().imported()).isEqualTo(1);
        assertThat(imports()).hasSize(3);
        assertThat(connection.stats().snapshot().get("securityhub:BatchImportFindings").throttles()).isEqualTo(2);
        assertThat(stored("us-east-1")).extracting(AwsSecurityFinding::id).containsExactly("a");
    }

    @Test
    void aCallThatFailsIsReportedWithItsFindingsAndOtherRegionsGoOn() {
        // recorded: AWS's answer when Security Hub is not enabled in the region (HTTP 401 InvalidAccessException)
        proxy.when(r -> r.path().equals("/findings/import") && r.region().equals("eu-west-1"),
                r -> new Response(401, "application/json", "{\"__type\":\"InvalidAccessException\",\"message\":"
                        + "\"Account 123456789012 is not subscribed to AWS Security Hub\"}",
                        Map.of("x-amzn-ErrorType", "InvalidAccessException")));
        SecurityHubImporter importer = new SecurityHubImporter(connection, ACCOUNT);
        importer.add(ACCOUNT, "eu-west-1", "x", false, finding("eu-west-1", "x", "ACTIVE", true));
        importer.add(ACCOUNT, "eu-west-1", "y", false, finding("eu-west-1", "y", "ACTIVE", true));
        importer.add(ACCOUNT, "us-east-1", "z", false, finding("us-east-1", "z", "ACTIVE", true));
        importer.add("444455556666", "us-east-1", "other", false, finding("us-east-1", "other", "ACTIVE", true));
        SecurityHubImporter.Outcome outcome = importer.finish();

        assertThat(outcome.imported()).isEqualTo(1);
        assertThat(outcome.failedCalls()).singleElement().satisfies(call -> {
            assertThat(call.region()).isEqualTo("eu-west-1");
            assertThat(call.findings()).isEqualTo(2);
            assertThat(call.cause()).startsWith("InvalidAccessException");
        });
        assertThat(outcome.failures()).singleElement().satisfies(f -> {
            assertThat(f.findingId()).isEqualTo("other");
            assertThat(f.cause()).contains("must be called by that account");
        });
        assertThat(outcome.notImported()).isEqualTo(3);
        assertThat(stored("us-east-1")).extracting(AwsSecurityFinding::id).containsExactly("z");
    }
}
