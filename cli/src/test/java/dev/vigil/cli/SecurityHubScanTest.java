package dev.vigil.cli;

import static dev.vigil.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.aws.AwsConnection;
import dev.vigil.aws.AwsOptions;
import dev.vigil.aws.RateLimits;
import dev.vigil.aws.emulator.DemoAccount;
import dev.vigil.aws.emulator.MotoServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;

/**
 * {@code vigil scan --security-hub} end to end on moto's Security Hub (BatchImportFindings and GetFindings are
 * moto's own): the second run updates the same findings and archives the one whose check now passes.
 */
class SecurityHubScanTest {

    private static MotoServer moto;
    private static AwsConnection aws;

    @BeforeAll
    static void start() throws Exception {
        Path root = Path.of(System.getProperty("vigil.root", "..")).toAbsolutePath().normalize();
        moto = MotoServer.start(root.resolve(".vigil/venv"), root.resolve(".vigil/moto-securityhub-test.log"));
        aws = new AwsConnection(new AwsOptions(null, List.of(), moto.endpoint(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t")), RateLimits.aws()));
        DemoAccount.seed(aws);
        aws.client(SecurityHubClient::builder, "us-east-1").enableSecurityHub(r -> r.enableDefaultStandards(false));
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
    }

    @AfterAll
    static void stop() {
        aws.close();
        moto.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    /** Finding Id → RecordState, as Security Hub holds them. */
    private static Map<String, String> findings() {
        return aws.client(SecurityHubClient::builder, "us-east-1").getFindingsPaginator(r -> r.maxResults(100))
                .findings().stream().collect(Collectors.toMap(AwsSecurityFinding::id,
                        AwsSecurityFinding::recordStateAsString));
    }

    private static Run scan(Path dir) {
        return run("scan", "--security-hub", "--endpoint-url", moto.endpoint().toString(), "--region", "us-east-1",
                "--rule", "DynamoDB-003", "--format", "json", "--output", dir.resolve("r.json").toString());
    }

    @Test
    void importsEveryCheckAndOnTheNextRunArchivesTheFindingWhoseCheckNowPasses(@TempDir Path dir) {
        Run first = scan(dir);

        assertThat(first.exit()).as(first.err()).isEqualTo(Vigil.FAILURES);
        assertThat(first.err()).contains("Security Hub: 3 findings imported (1 active, 2 archived");
        String sessions = "ccc:123456789012:DynamoDB-003:DynamoDB:us-east-1:sessions";
        assertThat(findings()).containsExactlyInAnyOrderEntriesOf(Map.of(sessions, "ACTIVE",
                "ccc:123456789012:DynamoDB-003:DynamoDB:us-east-1:orders", "ARCHIVED",
                "ccc:123456789012:DynamoDB-003:DynamoDB:us-east-1:audit-log", "ARCHIVED"));

        aws.client(DynamoDbClient::builder, "us-east-1").updateContinuousBackups(r -> r.tableName("sessions")
                .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
        Run second = scan(dir);

        assertThat(second.exit()).as(second.err()).isEqualTo(Vigil.OK);
        assertThat(second.err()).contains("Security Hub: 3 findings imported (0 active, 3 archived");
        assertThat(findings()).as("the same three findings, updated").hasSize(3).containsEntry(sessions, "ARCHIVED");
    }

    @Test
    void securityHubCannotBeCombinedWithOtherAccounts() {
        Run r = run("scan", "--security-hub", "--account", "444455556666", "--endpoint-url",
                moto.endpoint().toString());
        assertThat(r.exit()).isEqualTo(Vigil.ERRORS);
        assertThat(r.err()).startsWith("vigil: --security-hub imports into the scanned account's own Security Hub");
    }

    @Test
    void templatesHaveNoAsffForm(@TempDir Path dir) throws Exception {
        Path template = java.nio.file.Files.writeString(dir.resolve("t.yaml"), "Resources: {}\n");
        Run r = run("iac", template.toString(), "--format", "asff");
        assertThat(r.exit()).isEqualTo(Vigil.ERRORS);
        assertThat(r.err().strip()).isEqualTo("vigil: --format asff describes findings in AWS accounts, and templates"
                + " have none; use ocsf, sarif, json or html");
    }
}
