package dev.vigil.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SARIF against the official OASIS 2.1.0 schema (sarif-schema-2.1.0.json from oasis-tcs/sarif-spec). */
class SarifReportTest {

    private static JsonSchema schema;
    private static JsonNode sarif;

    @BeforeAll
    static void render() throws Exception {
        try (InputStream in = SarifReportTest.class.getResourceAsStream("/sarif-schema-2.1.0.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                    .getSchema(in, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        }
        sarif = new ObjectMapper().readTree(SampleScan.render(Format.SARIF, SampleScan.result()));
    }

    private static JsonNode result(String resource) {
        for (JsonNode r : sarif.at("/runs/0/results")) {
            if (r.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText().equals(resource)) {
                return r;
            }
        }
        throw new AssertionError("no result for " + resource);
    }

    @Test
    void validatesAgainstTheOfficialSchema() {
        Set<ValidationMessage> errors = schema.validate(sarif);
        assertThat(errors).isEmpty();
    }

    @Test
    void theSchemaCatchesAnInvalidLog() throws Exception {
        JsonNode broken = new ObjectMapper().readTree("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{}},"
                + "\"results\":[{\"level\":\"severe\",\"message\":{}}]}]}");
        assertThat(schema.validate(broken)).isNotEmpty();
    }

    @Test
    void describesEveryRuleThatWasRunWithItsArticle() {
        JsonNode driver = sarif.at("/runs/0/tool/driver");
        assertThat(driver.get("name").asText()).isEqualTo("Vigil");
        assertThat(driver.get("version").asText()).isNotBlank().doesNotContain("${");
        assertThat(driver.get("rules")).extracting(r -> r.get("id").asText()).containsExactly("Sample-001", "Quiet-001");
        JsonNode rule = driver.at("/rules/0");
        assertThat(rule.get("name").asText()).isEqualTo("SampleTablesBackUp");
        assertThat(rule.at("/shortDescription/text").asText()).isEqualTo("Sample Tables Back Up");
        assertThat(rule.at("/fullDescription/text").asText()).isEqualTo("Every sample table has point-in-time recovery.");
        assertThat(rule.at("/help/markdown").asText()).startsWith("# Sample-001").contains("Turn it on.");
        assertThat(rule.at("/help/text").asText()).isEqualTo(rule.at("/help/markdown").asText());
        assertThat(rule.at("/properties/risk").asText()).isEqualTo("HIGH");
        assertThat(rule.at("/properties/categories/0").asText()).isEqualTo("reliability");
        assertThat(rule.at("/properties/compliances/0").asText()).isEqualTo("AWAF");
        assertThat(rule.at("/properties/security-severity").asText()).isEqualTo("7.5");
        assertThat(driver.at("/rules/1/properties/security-severity").asText()).isEqualTo("2.0");
        assertThat(driver.at("/rules/1/help").isMissingNode()).isTrue();
    }

    @Test
    void reportsFailuresErrorsAndUnknownsButNotPasses() {
        assertThat(sarif.at("/runs/0/results")).hasSize(5);
        assertThat(sarif.at("/runs/0/results").findValuesAsText("fullyQualifiedName")).doesNotContain("Sessions");
        assertThat(result("Orders").get("level").asText()).isEqualTo("error");
        assertThat(result("Audit").get("level").asText()).isEqualTo("note");
        assertThat(result("cloudformation:parse@infra/broken.yaml").get("level").asText()).isEqualTo("warning");
        assertThat(result("Orders").at("/properties/status").asText()).isEqualTo("FAILURE");
        assertThat(result("Orders").get("ruleIndex").asInt()).isZero();
        assertThat(result("Orders").at("/message/text").asText()).startsWith("Orders: Point-in-time recovery");
    }

    @Test
    void templateResultsPointAtFileAndLineLiveResultsOnlyAtTheResource() {
        JsonNode orders = result("Orders").at("/locations/0");
        assertThat(orders.at("/physicalLocation/artifactLocation/uri").asText()).isEqualTo("infra/my%20stack.yaml");
        assertThat(orders.at("/physicalLocation/region/startLine").asInt()).isEqualTo(12);
        assertThat(orders.at("/logicalLocations/0/name").asText()).isEqualTo("Orders");
        JsonNode broken = result("cloudformation:parse@infra/broken.yaml").at("/locations/0/physicalLocation");
        assertThat(broken.at("/artifactLocation/uri").asText()).isEqualTo("infra/broken.yaml");
        assertThat(broken.has("region")).as("a whole-file fault has no line").isFalse();
        JsonNode live = result("arn:aws:dynamodb:us-east-1:123456789012:table/live").at("/locations/0");
        assertThat(live.has("physicalLocation")).isFalse();
        assertThat(live.at("/logicalLocations/0/kind").asText()).isEqualTo("resource");
    }

    @Test
    void suppressedChecksStayWithTheirJustification() {
        JsonNode cache = result("Cache");
        assertThat(cache.at("/suppressions/0/kind").asText()).isEqualTo("inSource");
        assertThat(cache.at("/suppressions/0/justification").asText()).isEqualTo("rebuilt nightly");
        assertThat(result("Orders").has("suppressions")).isFalse();
    }

    @Test
    void urisUseForwardSlashesAndNeverReadAsASchemeOrAbsolute() {
        assertThat(SarifReport.uri("infra\\stacks\\a.yaml")).isEqualTo("infra/stacks/a.yaml");
        assertThat(SarifReport.uri("c:stack.yaml")).isEqualTo("./c:stack.yaml");
        assertThat(SarifReport.uri("50%.yaml")).isEqualTo("50%25.yaml");
        assertThat(List.of(SarifReport.name("AWS Backup in Use for Amazon RDS"))).containsExactly("AWSBackupInUseForAmazonRDS");
    }
}
