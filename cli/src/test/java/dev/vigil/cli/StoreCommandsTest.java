package dev.vigil.cli;

import static dev.vigil.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.aws.AwsConnection;
import dev.vigil.aws.AwsOptions;
import dev.vigil.aws.RateLimits;
import dev.vigil.aws.emulator.DemoAccount;
import dev.vigil.aws.emulator.MotoServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The commands over the store end to end: scan --store, runs, diff, checks, suppress; and their one-line faults. */
class StoreCommandsTest {

    private static MotoServer moto;

    @BeforeAll
    static void start() throws Exception {
        Path root = Path.of(System.getProperty("vigil.root", "..")).toAbsolutePath().normalize();
        moto = MotoServer.start(root.resolve(".vigil/venv"), root.resolve(".vigil/moto-cli-store-test.log"));
        try (AwsConnection aws = new AwsConnection(new AwsOptions(null, List.of(), moto.endpoint(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t")), RateLimits.aws()))) {
            DemoAccount.seed(aws);
        }
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
    }

    @AfterAll
    static void stop() {
        moto.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void aStoredScanIsListedDiffedAndItsChecksSuppressed(@TempDir Path dir) throws Exception {
        String data = dir.toString();
        Run scan = run("scan", "--store", "--data-dir", data, "--endpoint-url", moto.endpoint().toString(),
                "--region", "us-east-1", "--region", "eu-west-1", "--rule", "DynamoDB-003");
        assertThat(scan.exit()).as(scan.err()).isEqualTo(Vigil.FAILURES);
        assertThat(scan.out()).contains("succeeded, 2 new failure(s), 0 resolved, 0 still failing");
        String runId = scan.out().split(" ")[1];

        Run runs = run("runs", "--data-dir", data);
        assertThat(runs.out()).contains(runId, "123456789012", "cli", "succeeded", "eu-west-1 (cli), us-east-1 (cli)");

        Run diff = run("diff", runId, "--data-dir", data);
        assertThat(diff.exit()).isZero();
        assertThat(diff.out()).contains("New failures:", "DynamoDB-003", "customers", "sessions")
                .containsPattern("HIGH +2 +0 +0");

        Path json = dir.resolve("checks.json");
        Run checks = run("checks", "--data-dir", data, "--status", "FAILURE", "--format", "json", "-o", json.toString());
        assertThat(checks.exit()).isEqualTo(Vigil.FAILURES);
        JsonNode listed = new ObjectMapper().readTree(Files.readString(json)).get("checks");
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).get("failure-discovery-date").asText()).isNotEmpty();
        String sessions = "ccc:123456789012:DynamoDB-003:DynamoDB:us-east-1:sessions";
        String customers = "ccc:123456789012:DynamoDB-003:DynamoDB:eu-west-1:customers";

        assertThat(run("suppress", sessions, "--note", "rebuilt nightly", "--until", "2099-01-01", "--data-dir", data)
                .out()).contains("suppressed " + sessions + " until 2099-01-01T00:00:00Z");
        assertThat(run("suppress", customers, "--note", "ephemeral", "--data-dir", data).exit()).isZero();
        Run table = run("checks", "--data-dir", data, "--status", "FAILURE");
        assertThat(table.exit()).as("suppressed checks are out of the exit code").isEqualTo(Vigil.OK);
        assertThat(table.out()).contains("SKIP", "2 checks, 0 failing (not suppressed), 2 suppressed");
        Run csv = run("checks", "--data-dir", data, "--format", "csv", "-o", dir.resolve("c.csv").toString());
        assertThat(Files.readAllLines(dir.resolve("c.csv")).getFirst()).startsWith("id,accountId,region,ruleId");
        assertThat(csv.exit()).isZero();

        assertThat(run("unsuppress", customers, "--note", "now kept", "--data-dir", data).exit()).isZero();
        assertThat(run("checks", "--data-dir", data, "--status", "FAILURE").exit()).isEqualTo(Vigil.FAILURES);
        assertThat(run("suppress", customers, "--data-dir", data).err()).contains("Missing required option: '--note");
    }

    @Test
    void storeFaultsAreOneLineAndExitTwo(@TempDir Path dir) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Run unreachable = run("runs", "--database-url", "postgresql://vigil:hunter2@127.0.0.1:" + port + "/vigil");
        assertThat(unreachable.exit()).isEqualTo(Vigil.ERRORS);
        assertThat(unreachable.err().strip()).startsWith("vigil: cannot reach the database at postgresql://127.0.0.1:"
                + port + "/vigil: ").doesNotContain("hunter2").doesNotContain("\n");

        Run noRun = run("diff", "nope", "--data-dir", dir.toString());
        assertThat(noRun.exit()).isEqualTo(Vigil.ERRORS);
        assertThat(noRun.err().strip()).startsWith("vigil: no run nope in the store at h2:file:");

        Path bad = Files.writeString(dir.resolve("vigil.yaml"), "accounts:\n  - id: \"123456789012\"\n    regions: [mars]\n");
        Run config = run("serve", "--config", bad.toString(), "--data-dir", dir.toString());
        assertThat(config.exit()).isEqualTo(Vigil.ERRORS);
        assertThat(config.err().strip()).isEqualTo("vigil: " + bad
                + ":3: accounts[0].regions: 'mars' is not an AWS region name (like us-east-1)");
    }

    @Test
    void theExampleConfigIsPrinted() {
        Run example = run("serve", "--example-config");
        assertThat(example.exit()).isZero();
        assertThat(example.out()).contains("accounts:", "roleArn:", "channels:", "cluster:");
        // the README shows the same config, word for word
        assertThat(readme()).contains(example.out().strip());
    }

    private static String readme() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty("vigil.root", ".."))
                    .resolve("README.md"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
