package dev.vigil.cli;

import static dev.vigil.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.store.Store;
import dev.vigil.store.StoreLocation;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** api-key, report --standard, and serve's --listen, end to end over a store. */
class ServerCommandsTest {

    @Test
    void anApiKeyIsPrintedOnceListedWithoutItselfAndRevoked(@TempDir Path dir) {
        Run created = run("api-key", "create", "--name", "ci", "--read-only", "--data-dir", dir.toString());
        assertThat(created.exit()).as(created.err()).isZero();
        String key = created.out().strip();
        assertThat(key).startsWith("vigil_").doesNotContain("\n");
        assertThat(created.err()).contains("shown this once", "(read-only)");

        Run list = run("api-key", "list", "--data-dir", dir.toString());
        assertThat(list.out()).contains("ci", "read-only").doesNotContain(key);
        try (Store store = Store.open(StoreLocation.embedded(dir))) {
            assertThat(store.apiKeys().authenticate(key)).isPresent();
        }
        assertThat(run("api-key", "revoke", "ci", "--data-dir", dir.toString()).out()).startsWith("revoked key-");
        try (Store store = Store.open(StoreLocation.embedded(dir))) {
            assertThat(store.apiKeys().authenticate(key)).isEmpty();
        }
        Run again = run("api-key", "revoke", "ci", "--data-dir", dir.toString());
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err().strip()).startsWith("vigil: no active API key").doesNotContain("\n");
        assertThat(run("api-key", "create", "--data-dir", dir.toString()).exit()).isEqualTo(2);
    }

    @Test
    void theComplianceReportOfAStandardComesAsJsonCsvAndOneSelfContainedPage(@TempDir Path dir) throws Exception {
        try (Store store = Store.open(StoreLocation.embedded(dir))) {
            BenchStore.fill(store, 2000);
        }
        Run json = run("report", "--standard", "nist5", "--format", "json", "--data-dir", dir.toString());
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(json.out());
        assertThat(report.get("standard").asText()).isEqualTo("NIST5");
        assertThat(report.at("/totals/failing").asLong()).isEqualTo(1000);
        assertThat(report.at("/totals/passing").asLong()).isEqualTo(1000);
        assertThat(report.at("/totals/percent").asInt()).isEqualTo(50);
        JsonNode dynamo = null;
        for (JsonNode control : report.get("controls")) {
            for (JsonNode rule : control.get("rules")) {
                if (rule.get("ruleId").asText().equals("DynamoDB-003")) {
                    dynamo = rule;
                }
            }
        }
        assertThat(dynamo).isNotNull();
        assertThat(dynamo.get("failing")).hasSize(1000);

        Run csv = run("report", "--standard", "NIST5", "--format", "csv", "--data-dir", dir.toString());
        assertThat(csv.out().lines().findFirst().orElseThrow()).startsWith("standard,control,ruleId,");
        assertThat(csv.out().lines().filter(l -> l.contains(",DynamoDB-003,")).count()).isEqualTo(1000);

        Path html = dir.resolve("nist5.html");
        Run page = run("report", "--standard", "NIST5", "-o", html.toString(), "--data-dir", dir.toString());
        assertThat(page.exit()).as(page.err()).isZero();
        String text = Files.readString(html);
        assertThat(text).startsWith("<!DOCTYPE html>").contains("NIST5 compliance", "Content-Security-Policy",
                "default-src &#39;none&#39;", "<style>").doesNotContain("<script", "<link", "src=\"http");

        Run unknown = run("report", "--standard", "NOPE", "--data-dir", dir.toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no rule maps to the compliance standard 'NOPE'", "NIST5");
    }

    @Test
    void serveSaysInOneLineWhenItCannotListen(@TempDir Path dir) throws Exception {
        Run bad = run("serve", "--listen", "localhost", "--data-dir", dir.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--listen: expected HOST:PORT");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run busy = run("serve", "--listen", "127.0.0.1:" + taken.getLocalPort(), "--data-dir", dir.toString());
            assertThat(busy.exit()).isEqualTo(2);
            assertThat(busy.err()).doesNotContain("\tat ", "Exception");
            assertThat(busy.err().strip().lines().filter(l -> l.startsWith("vigil:")))
                    .containsExactly("vigil: cannot listen on 127.0.0.1:" + taken.getLocalPort()
                            + ": Address already in use (choose another with --listen HOST:PORT)");
        }
    }
}
