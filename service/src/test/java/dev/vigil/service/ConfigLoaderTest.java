package dev.vigil.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.check.Status;
import dev.vigil.core.rule.Catalog;
import dev.vigil.core.rule.Risk;
import dev.vigil.notify.ChannelConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static final Map<String, String> ENV = Map.of("HOOK_URL", "https://hooks.example/T0/B0/secret");
    private final ConfigLoader loader = new ConfigLoader(Catalog.load(), new TestChannels(), ENV::get);

    private ServiceConfig parse(String yaml) {
        return loader.parse("vigil.yaml", yaml);
    }

    @Test
    void theExampleConfigIsValid() throws Exception {
        String example = new String(Service.class.getResourceAsStream("example-config.yaml").readAllBytes());
        ServiceConfig config = new ConfigLoader(Catalog.load(), ChannelMaker.NOTIFY,
                name -> name.startsWith("VIGIL") ? "ext-1" : name.endsWith("URL") ? "https://example.invalid/x" : "s3cret")
                .parse("example", example);
        assertThat(config.accounts()).hasSize(2);
        assertThat(config.channels()).extracting(ChannelConfig::type).containsExactly("slack", "webhook", "email", "sns");
    }

    @Test
    void accountsChannelsAndClusterSettingsAreRead() {
        ServiceConfig config = parse("""
                accounts:
                  - id: "123456789012"
                    name: production
                    roleArn: arn:aws:iam::123456789012:role/VigilReadOnly
                    externalId: ext-1
                    regions: [us-east-1, eu-west-1]
                    schedule: 6h
                    endpointUrl: http://127.0.0.1:5000
                    rules:
                      DynamoDB-003: { riskLevel: VERY_HIGH, exceptions: { resources: ["arn:aws:dynamodb:*:*:table/tmp-*"], tags: ["env::dev"] } }
                      Backup-001: { enabled: false }
                  - id: "210987654321"
                channels:
                  - name: ops
                    type: record
                    url: ${env:HOOK_URL}
                    filter: { riskLevels: [HIGH, very-high], statuses: [FAILURE], regions: us-east-1 }
                cluster: { node: a, heartbeat: 500ms, missedHeartbeats: 4, threads: 2 }
                delivery: { maxAttempts: 3, firstRetry: 1s }
                retryFailedAfter: 2m
                """);
        AccountConfig prod = config.accounts().getFirst();
        assertThat(prod.regions()).containsExactly("us-east-1", "eu-west-1");
        assertThat(prod.schedule()).isEqualTo(Duration.ofHours(6));
        assertThat(prod.endpointUrl()).isEqualTo(URI.create("http://127.0.0.1:5000"));
        assertThat(prod.rules().get("DynamoDB-003").risk()).isEqualTo(Risk.VERY_HIGH);
        assertThat(prod.rules().get("Backup-001").enabled()).isFalse();
        assertThat(RegionJob.rules(prod, Catalog.load())).extracting(r -> r.meta().id()).contains("DynamoDB-003")
                .doesNotContain("Backup-001");
        assertThat(config.accounts().get(1).schedule()).isEqualTo(ServiceConfig.DEFAULT_SCHEDULE);
        assertThat(config.accounts().get(1).regions()).isEmpty();
        ChannelConfig ops = config.channels().getFirst();
        assertThat(ops.settings()).containsEntry("url", "https://hooks.example/T0/B0/secret");
        assertThat(ops.toString()).doesNotContain("secret").contains("url");
        assertThat(ops.filter().riskLevels()).isEqualTo(Set.of(Risk.HIGH, Risk.VERY_HIGH));
        assertThat(ops.filter().statuses()).isEqualTo(Set.of(Status.FAILURE));
        assertThat(ops.filter().regions()).isEqualTo(Set.of("us-east-1"));
        assertThat(config.cluster().heartbeat()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.cluster().planEvery()).isEqualTo(ServiceConfig.Cluster.DEFAULT.planEvery());
        assertThat(config.delivery().maxAttempts()).isEqualTo(3);
        assertThat(config.retryFailedAfter()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void anEmptyFileIsNoAccounts() {
        assertThat(parse("").accounts()).isEmpty();
    }

    @Test
    void everyMistakeIsOneLineNamingFileLineAndKey() {
        assertThatThrownBy(() -> parse("accounts:\n  - id: 12345\n")).hasMessage(
                "vigil.yaml:2: accounts[0].id: '12345' is not an AWS account ID (12 digits; quote it in YAML)");
        assertThatThrownBy(() -> parse("accounts:\n  - id: \"123456789012\"\n    regions: [us-east-1, mars]\n"))
                .hasMessage("vigil.yaml:3: accounts[0].regions: 'mars' is not an AWS region name (like us-east-1)");
        assertThatThrownBy(() -> parse("accounts:\n  - id: \"123456789012\"\n    shedule: 12h\n"))
                .hasMessageStartingWith("vigil.yaml:3: accounts[0].shedule: unknown key (expected one of: endpointUrl,");
        assertThatThrownBy(() -> parse("accounts:\n  - id: \"123456789012\"\n    schedule: twice a day\n"))
                .hasMessage("vigil.yaml:3: accounts[0].schedule: expected a duration like 30s, 15m, 12h or 1d");
        assertThatThrownBy(() -> parse("accounts:\n  - id: \"123456789012\"\n    rules:\n      RDS-999: {}\n"))
                .hasMessageStartingWith("vigil.yaml:4: accounts[0].rules.RDS-999: unknown rule ID 'RDS-999'");
        assertThatThrownBy(() -> parse("accounts:\n  - id: \"123456789012\"\n    rules:\n"
                + "      DynamoDB-003: { settings: { nope: 1 } }\n"))
                .hasMessageStartingWith("vigil.yaml:4: accounts[0].rules.DynamoDB-003: ").hasMessageContaining("nope");
        assertThatThrownBy(() -> parse("channels:\n  - name: ops\n    type: record\n    url: ${env:MISSING}\n"))
                .hasMessage("vigil.yaml:4: channels[0].url: environment variable MISSING is not set");
        assertThatThrownBy(() -> parse("channels:\n  - name: ops\n    type: record\n    url: http://plain\n"))
                .hasMessage("vigil.yaml:4: channels[0].url: must be an https URL");
        assertThatThrownBy(() -> parse("channels:\n  - name: ops\n    type: carrier-pigeon\n    url: https://x\n"))
                .hasMessage("vigil.yaml:3: channels[0].type: unknown channel type 'carrier-pigeon'");
        assertThatThrownBy(() -> parse("channels:\n  - type: record\n")).hasMessage("vigil.yaml:2: channels[0]: 'name' is required");
        assertThatThrownBy(() -> parse("accounts: [\n")).hasMessageStartingWith("vigil.yaml:2: not valid YAML: ");
        assertThatThrownBy(() -> parse("cluster: { threads: 0 }\n"))
                .hasMessage("vigil.yaml:1: cluster.threads: expected a whole number of at least 1");
    }

    @Test
    void aMissingFileIsOneLine(@TempDir Path dir) {
        assertThatThrownBy(() -> loader.load(dir.resolve("nope.yaml"))).hasMessage(dir.resolve("nope.yaml") + ": no such file");
    }

    @Test
    void aFileIsReadFromDisk(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("vigil.yaml"), "accounts:\n  - id: \"123456789012\"\n");
        assertThat(loader.load(file).accounts()).extracting(AccountConfig::id).isEqualTo(List.of("123456789012"));
    }
}
