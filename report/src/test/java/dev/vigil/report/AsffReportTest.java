package dev.vigil.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.core.check.CheckId;
import dev.vigil.core.rule.Risk;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ASFF findings checked field by field against AWS's documented required fields and limits (AsffContract). */
class AsffReportTest {

    private static JsonNode findings;

    @BeforeAll
    static void render() throws Exception {
        findings = new ObjectMapper().readTree(SampleScan.render(Format.ASFF, SampleScan.live()));
    }

    private static JsonNode finding(String resourceName) {
        for (JsonNode f : findings) {
            if (f.get("Description").asText().startsWith(resourceName + ": ")) {
                return f;
            }
        }
        throw new AssertionError("no finding for " + resourceName);
    }

    @Test
    void everyFindingKeepsAwsDocumentedFieldsAndLimits() {
        assertThat(findings).hasSize(8);
        for (JsonNode f : findings) {
            assertThat(AsffContract.violations(f)).as(f.get("Id").asText()).isEmpty();
        }
    }

    @Test
    void theContractCatchesWhatAwsWouldReject() {
        ObjectNode broken = finding("orders").deepCopy();
        broken.remove("GeneratorId");
        broken.put("Title", "t".repeat(257));
        broken.put("CreatedAt", "2025-03-04 05:06:07");
        broken.put("AwsAccountId", "12345");
        broken.putArray("Types").add("Configuration/Backups");
        ((ObjectNode) broken.get("Severity")).put("Label", "VERY_HIGH");
        broken.put("Risk", "HIGH");
        ArrayNode resources = broken.putArray("Resources");
        for (int i = 0; i < 33; i++) {
            resources.add(finding("orders").at("/Resources/0"));
        }
        assertThat(AsffContract.violations(broken)).containsExactlyInAnyOrder(
                "unknown field Risk", "GeneratorId is required", "Title length 257 outside 1..256",
                "AwsAccountId must be 12 digits",
                "ProductArn must be the account's private product arn:PARTITION:securityhub:REGION:ACCOUNT:product/ACCOUNT/default",
                "CreatedAt is not a documented timestamp form",
                "Severity.Label must be one of " + List.of("INFORMATIONAL", "LOW", "MEDIUM", "HIGH", "CRITICAL"),
                "Types entry 'Configuration/Backups' is not namespace[/category[/classifier]]",
                "Resources has 1 to 32 entries");
    }

    @Test
    void aFailureIsAnActiveFindingOfTheAccountsOwnProductWithTheStableCheckId() {
        JsonNode f = finding("orders");
        assertThat(f.get("Id").asText()).isEqualTo("ccc:123456789012:Sample-001:DynamoDB:us-east-1:orders")
                .isEqualTo(CheckId.of(SampleScan.live().checkList().getFirst()));
        assertThat(f.get("ProductArn").asText())
                .isEqualTo("arn:aws:securityhub:us-east-1:123456789012:product/123456789012/default");
        assertThat(f.get("GeneratorId").asText()).isEqualTo("vigil/Sample-001");
        assertThat(f.get("Title").asText()).isEqualTo("Sample-001 Sample Tables Back Up");
        assertThat(f.get("Description").asText()).isEqualTo("orders: Point-in-time recovery is not enabled");
        assertThat(f.at("/Severity/Label").asText()).isEqualTo("HIGH");
        assertThat(f.at("/FindingProviderFields/Severity/Label").asText()).isEqualTo("HIGH");
        assertThat(f.at("/FindingProviderFields/Types/0").asText())
                .isEqualTo("Software and Configuration Checks/AWS Security Best Practices");
        assertThat(f.at("/Compliance/Status").asText()).isEqualTo("FAILED");
        assertThat(f.at("/Compliance/RelatedRequirements/0").asText()).isEqualTo("AWAF");
        assertThat(f.get("RecordState").asText()).isEqualTo("ACTIVE");
        assertThat(f.at("/Resources/0/Type").asText()).isEqualTo("AwsDynamoDbTable");
        assertThat(f.at("/Resources/0/Id").asText()).isEqualTo("arn:aws:dynamodb:us-east-1:123456789012:table/orders");
        assertThat(f.at("/Remediation/Recommendation/Text").asText())
                .isEqualTo("Turn it on. Full steps and code: vigil explain Sample-001");
        assertThat(f.get("CreatedAt").asText()).isEqualTo("2025-03-04T05:06:07.089Z").isEqualTo(f.get("UpdatedAt").asText());
        assertThat(f.at("/ProductFields/vigil~1Risk").asText()).isEqualTo("HIGH");
    }

    @Test
    void aPassArchivesAndAnErrorIsNotAvailableNeverPassedOrFailed() {
        JsonNode passed = finding("users");
        assertThat(passed.get("RecordState").asText()).isEqualTo("ARCHIVED");
        assertThat(passed.at("/Compliance/Status").asText()).isEqualTo("PASSED");
        assertThat(passed.at("/Severity/Label").asText()).isEqualTo("INFORMATIONAL");
        assertThat(passed.at("/Severity/Original").asText()).isEqualTo("HIGH");
        JsonNode error = finding("audit");
        assertThat(error.get("RecordState").asText()).isEqualTo("ACTIVE");
        assertThat(error.at("/Compliance/Status").asText()).isEqualTo("NOT_AVAILABLE");
        JsonNode suppressed = finding("cache");
        assertThat(suppressed.get("RecordState").asText()).isEqualTo("ARCHIVED");
        assertThat(suppressed.at("/ProductFields/vigil~1Suppressed").asText()).isEqualTo("ephemeral");
    }

    @Test
    void faultsThatLeftAScopeUnscannedAreAboutTheAccount() {
        JsonNode region = finding("123456789012/eu-west-1");
        assertThat(region.at("/Resources/0/Type").asText()).isEqualTo("AwsAccount");
        assertThat(region.at("/Resources/0/Id").asText()).isEqualTo("AWS::::Account:123456789012");
        assertThat(region.at("/Resources/0/Region").asText()).isEqualTo("eu-west-1");
        JsonNode account = finding("444455556666/global");
        assertThat(account.get("ProductArn").asText()).as("Security Hub is regional; global goes to us-east-1")
                .isEqualTo("arn:aws:securityhub:us-east-1:444455556666:product/444455556666/default");
        JsonNode china = finding("china");
        assertThat(china.get("ProductArn").asText()).startsWith("arn:aws-cn:securityhub:cn-north-1:");
        assertThat(china.at("/Resources/0/Partition").asText()).isEqualTo("aws-cn");
    }

    @Test
    void longTextsAreCutToTheLimitsAndLongIdsStayStableAndDistinct() {
        JsonNode f = finding("t".repeat(255));
        assertThat(f.get("Description").asText()).hasSize(1024).endsWith("…");
        String id = AsffFindings.id(SampleScan.live().checkList().get(4));
        assertThat(f.get("Id").asText()).hasSizeLessThanOrEqualTo(512).isEqualTo(id);
        assertThat(AsffFindings.cut("x".repeat(600), 512, " (more)")).hasSize(512).endsWith("… (more)");
    }

    @Test
    void templatesHaveNoAsffForm() {
        assertThatThrownBy(() -> SampleScan.render(Format.ASFF, SampleScan.result()))
                .hasMessageContaining("ASFF findings belong to an AWS account");
    }

    @Test
    void labelsFollowRisk() {
        assertThat(List.of(Risk.values())).extracting(AsffFindings::label)
                .containsExactly("LOW", "MEDIUM", "HIGH", "CRITICAL", "CRITICAL");
    }
}
