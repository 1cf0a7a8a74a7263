package dev.vigil.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import dev.vigil.core.check.CheckId;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** OCSF 1.6.0 Compliance Findings against the class's JSON Schema, generated from OCSF's own definitions. */
class OcsfReportTest {

    private static JsonSchema schema;
    private static JsonNode findings;

    @BeforeAll
    static void render() throws Exception {
        try (InputStream in = OcsfReportTest.class.getResourceAsStream("/ocsf/compliance_finding-1.6.0-cloud.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        }
        findings = new ObjectMapper().readTree(SampleScan.render(Format.OCSF, SampleScan.result()));
    }

    private static JsonNode finding(String resource) {
        for (JsonNode f : findings) {
            if (f.at("/resources/0/uid").asText().equals(resource)) {
                return f;
            }
        }
        throw new AssertionError("no finding for " + resource);
    }

    @Test
    void everyCheckIsAComplianceFindingThatValidatesAgainstTheSchema() {
        assertThat(findings).hasSize(6);
        for (JsonNode f : findings) {
            assertThat(schema.validate(f)).as(f.toString()).isEmpty();
            assertThat(f.get("class_uid").asInt()).isEqualTo(2003);
            assertThat(f.at("/metadata/version").asText()).isEqualTo("1.6.0");
        }
    }

    @Test
    void theSchemaCatchesAFindingThatBreaksIt() {
        ObjectNode noUid = finding("Orders").deepCopy();
        ((ObjectNode) noUid.get("finding_info")).remove("uid");
        assertThat(schema.validate(noUid)).isNotEmpty();
        ObjectNode unknownField = finding("Orders").deepCopy();
        unknownField.put("risk", "HIGH");
        assertThat(schema.validate(unknownField)).isNotEmpty();
        ObjectNode badSeverity = finding("Orders").deepCopy();
        badSeverity.put("severity_id", 7);
        assertThat(schema.validate(badSeverity)).isNotEmpty();
    }

    @Test
    void aLiveFailureCarriesTheRuleAccountRegionResourceAndRemediation() {
        String arn = "arn:aws:dynamodb:us-east-1:123456789012:table/live";
        JsonNode f = finding(arn);
        assertThat(f.at("/finding_info/uid").asText()).isEqualTo("ccc:123456789012:Sample-001:DynamoDB:us-east-1:live")
                .isEqualTo(CheckId.of(SampleScan.result().checkList().get(5)));
        assertThat(f.at("/finding_info/title").asText()).isEqualTo("Sample-001 Sample Tables Back Up");
        assertThat(f.at("/finding_info/desc").asText()).isEqualTo("Every sample table has point-in-time recovery.");
        assertThat(f.at("/finding_info/analytic/uid").asText()).isEqualTo("Sample-001");
        assertThat(f.get("severity_id").asInt()).as("HIGH risk").isEqualTo(4);
        assertThat(f.get("severity").asText()).isEqualTo("High");
        assertThat(f.get("activity_id").asInt()).isEqualTo(1);
        assertThat(f.get("type_uid").asInt()).isEqualTo(200301);
        assertThat(f.at("/cloud/account/uid").asText()).isEqualTo("123456789012");
        assertThat(f.at("/cloud/region").asText()).isEqualTo("us-east-1");
        assertThat(f.at("/resources/0/type").asText()).isEqualTo("AWS::DynamoDB::Table");
        assertThat(f.at("/resources/0/cloud_partition").asText()).isEqualTo("aws");
        assertThat(f.at("/compliance/control").asText()).isEqualTo("Sample-001");
        assertThat(f.at("/compliance/standards/0").asText()).isEqualTo("AWAF");
        assertThat(f.at("/compliance/status").asText()).isEqualTo("Fail");
        assertThat(f.at("/compliance/status_id").asInt()).isEqualTo(3);
        assertThat(f.at("/remediation/desc").asText()).isEqualTo("Turn it on.");
        assertThat(f.at("/remediation/references/0").asText()).isEqualTo("vigil explain Sample-001");
        assertThat(f.at("/remediation/kb_article_list/0/uid").asText()).isEqualTo("Sample-001");
        assertThat(f.get("time").asLong()).isEqualTo(SampleScan.TIME.toEpochMilli());
    }

    @Test
    void statusesMapToTheFindingAndComplianceStatuses() {
        JsonNode passed = finding("Sessions");
        assertThat(passed.at("/compliance/status").asText()).isEqualTo("Pass");
        assertThat(passed.get("status").asText()).isEqualTo("Resolved");
        assertThat(passed.get("activity_name").asText()).isEqualTo("Close");
        assertThat(passed.get("severity").asText()).isEqualTo("Informational");
        assertThat(passed.at("/unmapped/risk").asText()).isEqualTo("HIGH");
        JsonNode unknown = finding("Audit");
        assertThat(unknown.at("/compliance/status").asText()).isEqualTo("Unknown");
        assertThat(unknown.at("/compliance/status_code").asText()).isEqualTo("UNKNOWN");
        assertThat(unknown.get("status").asText()).isEqualTo("New");
        JsonNode error = finding("cloudformation:parse@infra/broken.yaml");
        assertThat(error.at("/compliance/status").asText()).as("an error is never a pass or a failure").isEqualTo("Unknown");
        JsonNode suppressed = finding("Cache");
        assertThat(suppressed.get("status").asText()).isEqualTo("Suppressed");
        assertThat(suppressed.get("status_detail").asText()).isEqualTo("suppressed: rebuilt nightly");
        assertThat(suppressed.at("/compliance/status").asText()).isEqualTo("Fail");
    }

    @Test
    void templateFindingsNameTheFileAndLineAndNoAccount() {
        JsonNode f = finding("Orders");
        assertThat(f.at("/resources/0/data/file").asText()).isEqualTo("infra/my stack.yaml");
        assertThat(f.at("/resources/0/data/line").asInt()).isEqualTo(12);
        assertThat(f.at("/cloud/provider").asText()).isEqualTo("AWS");
        assertThat(f.at("/cloud/account").isMissingNode()).isTrue();
        assertThat(f.get("message").asText()).isEqualTo("Orders: Point-in-time recovery is not enabled <&\"'>");
    }

    @Test
    void severityFollowsRisk() {
        assertThat(List.of(dev.vigil.core.rule.Risk.values())).extracting(OcsfReport::severityId)
                .containsExactly(2, 3, 4, 5, 5);
        assertThat(SampleScan.TIME).isEqualTo(Instant.parse("2025-03-04T05:06:07.089Z"));
    }
}
