package dev.vigil.cli;

import static dev.vigil.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.aws.AwsConnection;
import dev.vigil.aws.Emulator;
import dev.vigil.aws.EmulatorProxy;
import dev.vigil.aws.EmulatorProxy.Response;
import dev.vigil.aws.emulator.DemoAccount;
import dev.vigil.aws.emulator.MotoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * vigil fix end to end against moto, through the recording proxy: what cannot be planned, the audit log's intent
 * and outcome (with a log that cannot be written, and a process killed between the two), and the calls each phase
 * makes. Faults are AWS's documented error shapes (src/test/resources/recorded of the aws module).
 */
class FixCommandTest {

    private static final String REGION = "us-east-1";
    private static MotoServer moto;
    private EmulatorProxy proxy;

    @BeforeAll
    static void start() {
        moto = Emulator.moto();   // the aws test-jar's moto, one per test JVM; reset before each test here
        // the CLI uses the default credential chain, which reads these system properties
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
    }

    @AfterAll
    static void stop() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    /** Four tables: one with point-in-time recovery, three without. */
    @BeforeEach
    void seed() throws Exception {
        moto.reset();
        try (AwsConnection aws = new AwsConnection(Emulator.options(moto.endpoint(), List.of()))) {
            DynamoDbClient dynamo = aws.client(DynamoDbClient::builder, REGION);
            DemoAccount.createTable(dynamo, "on", true);
            for (String name : List.of("off-1", "off-2", "off-3")) {
                DemoAccount.createTable(dynamo, name, false);
            }
        }
        proxy = new EmulatorProxy(moto.endpoint());
    }

    @AfterEach
    void close() {
        proxy.close();
    }

    /** vigil fix for DynamoDB-003 in us-east-1 through the proxy, with a patient attempt timeout (a busy moto). */
    private String[] fix(String... more) {
        List<String> args = new ArrayList<>(List.of("fix", "--rule", "DynamoDB-003", "--region", REGION,
                "--endpoint-url", proxy.endpoint().toString(), "--attempt-timeout", "60"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static Response denied() {
        return new Response(400, "application/x-amz-json-1.0",
                EmulatorProxy.recorded("DynamoDb-AccessDenied.json", Map.of("region", REGION)));
    }

    private long updates() {
        return proxy.requests("UpdateContinuousBackups").size();
    }

    @Test
    void checksTheScanCouldNotDecideCannotBePlannedAndMakeTheExitCodeTwo(@TempDir Path dir) {
        proxy.when(r -> r.operation().equals("DescribeContinuousBackups") && r.body().contains("\"off-3\""),
                r -> denied());

        Run plan = run(fix());
        assertThat(plan.exit()).as(plan.out() + plan.err()).isEqualTo(Vigil.ERRORS);
        assertThat(plan.out()).contains("+ dynamodb:UpdateContinuousBackups  off-1", "off-2",
                        "Cannot plan (the scan could not decide these):")
                .containsPattern("\\? DynamoDB-003 +us-east-1 +off-3 +cannot plan: Point-in-time recovery status "
                        + "could not be read: dynamodb:DescribeContinuousBackups failed: AccessDeniedException")
                .contains("Dry run: nothing was changed. Run again with --apply to make 2 change(s).");

        Run applied = run(fix("--apply", "--yes", "--audit-log", dir.resolve("audit.jsonl").toString()));
        assertThat(applied.exit()).as(applied.out() + applied.err()).isEqualTo(Vigil.ERRORS);
        assertThat(applied.out()).contains("done us-east-1 dynamodb:UpdateContinuousBackups off-1",
                "done us-east-1 dynamodb:UpdateContinuousBackups off-2");
        assertThat(updates()).isEqualTo(2);
    }

    @Test
    void anAuditLogThatCannotBeWrittenRefusesTheRunBeforeAnyCall(@TempDir Path dir) throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("file.txt"), "a file, not a directory");

        Run r = run(fix("--apply", "--yes", "--audit-log", notADirectory.resolve("audit.jsonl").toString()));

        assertThat(r.exit()).isEqualTo(Vigil.ERRORS);
        assertThat(r.err().strip()).startsWith("vigil: cannot write the audit log " + notADirectory.resolve("audit.jsonl"))
                .endsWith("nothing was changed. Use --audit-log FILE for a log Vigil can write.")
                .doesNotContain("Exception", "\n");
        assertThat(proxy.requests()).isEmpty();
    }

    @Test
    void everyChangeIsRecordedBeforeItIsMadeAndAfterAndTheReCheckReadsOnlyWhatChanged(@TempDir Path dir)
            throws Exception {
        Path audit = dir.resolve("audit.jsonl");
        Run r = run(fix("--apply", "--yes", "--audit-log", audit.toString(), "--stats"));

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(Vigil.OK);
        assertThat(r.out()).containsPattern("DynamoDB-003 +us-east-1 +off-1 +FAILURE -> SUCCESS");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(audit)) {
            lines.add(new ObjectMapper().readTree(line));
        }
        assertThat(lines).hasSize(6);
        for (int i = 0; i < 6; i += 2) {
            JsonNode intent = lines.get(i);
            JsonNode outcome = lines.get(i + 1);
            assertThat(intent.get("status").asText()).isEqualTo("attempted");
            assertThat(intent.has("after")).isFalse();
            assertThat(outcome.get("status").asText()).isEqualTo("done");
            assertThat(outcome.get("id").asText()).isEqualTo(intent.get("id").asText());
            assertThat(outcome.get("resource").asText()).isEqualTo(intent.get("resource").asText());
            assertThat(outcome.get("after").asText()).isEqualTo("PointInTimeRecoveryStatus=ENABLED");
            assertThat(outcome.get("ok").asBoolean()).isTrue();
        }
        // planning read nothing the scan had just read; the re-check read the three changed tables, nothing else
        String err = r.err();
        String plan = err.substring(err.indexOf("plan: operation"), err.indexOf("apply: operation"));
        String recheck = err.substring(err.indexOf("re-check: operation"));
        assertThat(plan).doesNotContain("dynamodb:");
        assertThat(recheck).containsPattern("dynamodb:DescribeContinuousBackups +3 +0 +0")
                .doesNotContain("dynamodb:ListTables", "sts:");
    }

    @Test
    void aProcessKilledBetweenIntentAndOutcomeLeavesTheAttemptedEntry(@TempDir Path dir) throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        proxy.when(r -> r.operation().equals("UpdateContinuousBackups"), r -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return denied();
        });
        Path audit = dir.resolve("audit.jsonl");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Vigil.class.getName()));
        command.addAll(List.of(fix("--apply", "--yes", "--audit-log", audit.toString())));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("fix.log").toFile());
        builder.environment().put("AWS_ACCESS_KEY_ID", "testing");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "testing");
        Process fix = builder.start();
        try {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (updates() == 0) {   // the change is on its way to AWS, which holds it
                assertThat(fix.isAlive()).as(Files.exists(dir.resolve("fix.log"))
                        ? Files.readString(dir.resolve("fix.log")) : "").isTrue();
                assertThat(Instant.now()).isBefore(deadline);
                Thread.sleep(50);
            }
            fix.destroyForcibly();   // SIGKILL: no shutdown hook, no chance to write an outcome
            assertThat(fix.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            fix.destroyForcibly();
            never.countDown();
        }

        List<String> lines = Files.readAllLines(audit);
        assertThat(lines).hasSize(1);
        JsonNode attempted = new ObjectMapper().readTree(lines.getFirst());
        assertThat(attempted.get("status").asText()).isEqualTo("attempted");
        assertThat(attempted.get("action").asText()).isEqualTo("dynamodb:UpdateContinuousBackups");
        assertThat(attempted.get("resource").asText()).isEqualTo("off-1");
        assertThat(attempted.get("before").asText()).isEqualTo("PointInTimeRecoveryStatus=DISABLED");
        assertThat(updates()).isEqualTo(1);
    }
}
