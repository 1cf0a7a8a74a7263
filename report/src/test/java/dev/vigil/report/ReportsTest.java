package dev.vigil.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.engine.ScanResult;
import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.Fault;
import dev.vigil.core.model.Origin;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Note;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.RuleMeta;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportsTest {

    private static final RuleMeta HIGH = new RuleMeta("DynamoDB-003", "DynamoDB Continuous Backups", Risk.HIGH,
            List.of(Category.RELIABILITY), List.of("NIST4"), "DynamoDB", DynamoDbTable.class,
            Set.of(DynamoDbTable.class), null);
    private static final RuleMeta LOW = new RuleMeta("Backup-001", "AWS Backup in Use for Amazon RDS", Risk.LOW,
            List.of(Category.RELIABILITY), List.of("AWAF"), "Backup", DynamoDbTable.class, Set.of(), null);
    private static final Origin.Live EAST = new Origin.Live("123456789012", "us-east-1");

    private static ScanResult sample() {
        return ScanResult.of("123456789012", List.of(
                new Check(HIGH, Status.FAILURE, "arn:t/off", "off", EAST, "not enabled, \"really\"", null, Map.of(), null),
                new Check(HIGH, Status.SUCCESS, "arn:t/on", "on", EAST, "enabled", null,
                        Map.of("recoveryPeriodDays", 35), null),
                new Check(LOW, Status.FAILURE, "arn:db/x", "x", EAST, "no plan", null, Map.of(), null),
                new Check(HIGH, Status.UNKNOWN, "Orders", "Orders", new Origin.Template("t.yaml", 4, "t.yaml"),
                        "cannot be resolved: !Ref P", null, Map.of(), null)),
                List.of(new Note("Backup-001", "123456789012/us-east-1", "us-east-1", "AWS Backup is not in use")),
                List.of(new Fault(new Origin.Live("123456789012", "eu-west-1"), Set.of(DynamoDbTable.class),
                        "dynamodb:ListTables", "AccessDeniedException: no")));
    }

    private static String render(Format format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.report(new ReportOptions(false, false)).write(sample(), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void jsonKeepsTheDocumentedContract() throws Exception {
        JsonNode root = new ObjectMapper().readTree(render(Format.JSON));
        assertThat(root.get("account").asText()).isEqualTo("123456789012");
        JsonNode first = root.get("checks").get(0);
        assertThat(first.fieldNames()).toIterable().contains("ruleId", "ruleTitle", "status", "risk", "categories",
                "compliances", "service", "region", "resource", "resourceName", "message");
        assertThat(first.get("status").asText()).isEqualTo("FAILURE");
        assertThat(first.get("categories").get(0).asText()).isEqualTo("reliability");
        assertThat(root.get("checks").get(1).get("recoveryPeriodDays").asInt()).isEqualTo(35);
        JsonNode template = root.get("checks").get(3);
        assertThat(template.get("region").isNull()).isTrue();
        assertThat(template.get("file").asText()).isEqualTo("t.yaml");
        assertThat(template.get("line").asInt()).isEqualTo(4);
        assertThat(root.get("errors").get(0).get("operation").asText()).isEqualTo("dynamodb:ListTables");
        assertThat(root.get("errors").get(0).get("region").asText()).isEqualTo("eu-west-1");
        assertThat(root.get("notes").get(0).get("text").asText()).isEqualTo("AWS Backup is not in use");
        JsonNode summary = root.get("summary");
        assertThat(summary.get("total").asInt()).isEqualTo(4);
        assertThat(summary.get("FAILURE").asInt()).isEqualTo(2);
        assertThat(summary.get("UNKNOWN").asInt()).isEqualTo(1);
        assertThat(summary.get("failuresByRisk").get("HIGH").asInt()).isEqualTo(1);
    }

    @Test
    void csvQuotesPerRfc4180() throws Exception {
        List<String> lines = render(Format.CSV).lines().toList();
        assertThat(lines.getFirst()).startsWith("accountId,ruleId,ruleTitle,status,risk");
        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).contains("\"not enabled, \"\"really\"\"\"");
        assertThat(lines.get(4)).endsWith(",t.yaml,4,");
    }

    @Test
    void tableGroupsByRiskCountsPassesAndEndsWithASummary() throws Exception {
        String table = render(Format.TABLE);
        assertThat(table.indexOf("HIGH risk")).isLessThan(table.indexOf("LOW risk"));
        assertThat(table).contains("FAIL     DynamoDB-003", "1 passed", "t.yaml:4", "UNKNOWN",
                "Backup-001: AWS Backup is not in use", "eu-west-1  dynamodb:ListTables  AccessDeniedException: no");
        assertThat(table).doesNotContain("arn:t/on").doesNotContain("  enabled\n");
        assertThat(table.strip().lines().reduce((a, b) -> b).orElseThrow())
                .isEqualTo("Summary: 4 checks — 1 passed, 2 failed (HIGH 1, LOW 1), 0 errors, 1 unknown");
    }

    @Test
    void failOnCountsOnlyFailuresAtOrAboveTheRisk() {
        Summary s = Summary.of(sample().checkList());
        assertThat(s.failuresAtLeast(Risk.LOW)).isEqualTo(2);
        assertThat(s.failuresAtLeast(Risk.HIGH)).isEqualTo(1);
        assertThat(s.failuresAtLeast(Risk.VERY_HIGH)).isZero();
    }

    @Test
    void noFormatClosesTheStreamItIsGiven() throws Exception {
        for (Format format : Format.values()) {
            boolean[] closed = {false};
            ByteArrayOutputStream out = new ByteArrayOutputStream() {
                @Override
                public void close() {
                    closed[0] = true;
                }
            };
            ScanResult result = sample();
            if (!format.describesTemplates()) {   // ASFF: the live checks only
                List<Check> live = result.checkList().stream().filter(c -> c.origin() instanceof Origin.Live).toList();
                result = ScanResult.of(result.account(), live, result.notes(), result.faults());
            }
            format.report(new ReportOptions(false, false)).write(result, out);
            assertThat(closed[0]).as(format + " closed standard output").isFalse();
            assertThat(out.size()).as(format + " wrote its report before returning").isPositive();
        }
    }

    @Test
    void theTableEscapesControlCharactersFromFileNamesAndTemplates() throws Exception {
        Origin.Template hostile = new Origin.Template("evil\u001b]0;owned\u0007\u001b[2J.yaml", 3, "evil.yaml");
        ScanResult result = ScanResult.of(null, List.of(new Check(HIGH, Status.FAILURE, "T", "T\u202eexe.yaml",
                hostile, "not\nenabled", null, Map.of(), null)), List.of(), List.of(new Fault(hostile,
                Set.of(DynamoDbTable.class), "cloudformation:parse", "bad\rline\u009b")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        Format.TABLE.report(new ReportOptions(false, false)).write(result, out);

        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(table).doesNotContain("\u001b", "\u0007", "\u202e", "\u009b", "\r")
                .contains("evil\\u001b]0;owned\\u0007\\u001b[2J.yaml:3", "T\\u202eexe.yaml", "not\\nenabled",
                        "bad\\rline\\u009b");
        assertThat(table.lines()).noneMatch(line -> line.equals("enabled"));
    }

    @Test
    void aLongerRuleIdWidensItsColumnSoTheOthersStayAligned() throws Exception {
        RuleMeta vigil = new RuleMeta("Vigil-ElastiCache-001", "t", Risk.HIGH, List.of(Category.RELIABILITY),
                List.of("AWAF"), "ElastiCache", DynamoDbTable.class, Set.of(), null);
        ScanResult result = ScanResult.of(null, List.of(
                new Check(HIGH, Status.FAILURE, "a", "orders", EAST, "off", null, Map.of(), null),
                new Check(vigil, Status.FAILURE, "b", "sessions", EAST, "off", null, Map.of(), null)),
                List.of(), List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        Format.TABLE.report(new ReportOptions(false, false)).write(result, out);

        List<String> rows = out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("FAIL")).toList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).indexOf("us-east-1")).isEqualTo(rows.get(1).indexOf("us-east-1"));
    }
}
