package dev.vigil.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * AWS's documented rules for an ASFF finding, field by field, from the Security Hub API reference
 * (AwsSecurityFinding, Resource, Severity, Compliance, Remediation/Recommendation, FindingProviderFields) and
 * the user guide (required attributes, Types taxonomy, timestamps, BatchImportFindings limits). Returns every
 * rule a finding breaks.
 */
final class AsffContract {

    /** AwsSecurityFinding's members: a field outside them is a mistake. */
    private static final Set<String> FIELDS = Set.of("SchemaVersion", "Id", "ProductArn", "ProductName",
            "CompanyName", "Region", "GeneratorId", "AwsAccountId", "Types", "FirstObservedAt", "LastObservedAt",
            "CreatedAt", "UpdatedAt", "Severity", "Confidence", "Criticality", "Title", "Description", "Remediation",
            "SourceUrl", "ProductFields", "UserDefinedFields", "Malware", "Network", "NetworkPath", "Process",
            "Threats", "ThreatIntelIndicators", "Resources", "Compliance", "VerificationState", "WorkflowState",
            "Workflow", "RecordState", "RelatedFindings", "Note", "Vulnerabilities", "PatchSummary", "Action",
            "FindingProviderFields", "Sample", "GeneratorDetails", "ProcessedAt", "AwsAccountName", "Detection");
    /** Required by the API reference, plus Severity and Types, which the user guide lists as required. */
    private static final List<String> REQUIRED = List.of("SchemaVersion", "Id", "ProductArn", "GeneratorId",
            "AwsAccountId", "CreatedAt", "UpdatedAt", "Title", "Description", "Resources", "Severity", "Types");
    private static final Set<String> NAMESPACES = Set.of("Software and Configuration Checks", "TTPs", "Effects",
            "Unusual Behaviors", "Sensitive Data Identifications");
    private static final List<String> LABELS = List.of("INFORMATIONAL", "LOW", "MEDIUM", "HIGH", "CRITICAL");
    private static final Set<String> PARTITIONS = Set.of("aws", "aws-cn", "aws-us-gov", "aws-us-iso", "aws-us-iso-b",
            "AzureCloud");
    /** The timestamp forms the API reference lists: Z or an offset, up to 9 fraction digits, offset within 18 h. */
    private static final Pattern TIMESTAMP = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-](0\\d|1[0-8])(:?[0-5]\\d)?)");
    private static final Pattern PRIVATE_PRODUCT = Pattern.compile(
            "arn:(aws|aws-cn|aws-us-gov):securityhub:[a-z]{2}(-gov)?-[a-z]+-\\d:(\\d{12}):product/(\\d{12})/default");
    private static final Pattern NON_EMPTY = Pattern.compile(".*\\S.*", Pattern.DOTALL);
    /** BatchImportFindings: at most 240 KB per finding. */
    static final int MAX_BYTES = 240 * 1024;

    private final List<String> broken = new ArrayList<>();

    private AsffContract() {
    }

    static List<String> violations(JsonNode finding) {
        AsffContract c = new AsffContract();
        c.check(finding);
        return c.broken;
    }

    private void check(JsonNode f) {
        f.fieldNames().forEachRemaining(name -> require(FIELDS.contains(name), "unknown field " + name));
        REQUIRED.forEach(name -> require(f.hasNonNull(name), name + " is required"));
        require("2018-10-08".equals(f.path("SchemaVersion").asText()), "SchemaVersion must be 2018-10-08");
        text(f, "Id", 1, 512);
        text(f, "GeneratorId", 1, 512);
        text(f, "Title", 1, 256);
        text(f, "Description", 1, 1024);
        text(f, "ProductArn", 12, 2048);
        text(f, "ProductName", 1, 128);
        text(f, "CompanyName", 1, 128);
        require(f.path("AwsAccountId").asText().matches("\\d{12}"), "AwsAccountId must be 12 digits");
        var arn = PRIVATE_PRODUCT.matcher(f.path("ProductArn").asText());
        require(arn.matches() && arn.group(3).equals(arn.group(4))
                        && arn.group(3).equals(f.path("AwsAccountId").asText()),
                "ProductArn must be the account's private product arn:PARTITION:securityhub:REGION:ACCOUNT:product/ACCOUNT/default");
        for (String time : List.of("CreatedAt", "UpdatedAt", "FirstObservedAt", "LastObservedAt")) {
            if (f.has(time)) {
                require(TIMESTAMP.matcher(f.get(time).asText()).matches(), time + " is not a documented timestamp form");
            }
        }
        require(f.path("CreatedAt").asText().compareTo(f.path("UpdatedAt").asText()) <= 0, "UpdatedAt before CreatedAt");
        severity(f.path("Severity"), "Severity");
        types(f.path("Types"), "Types");
        resources(f.path("Resources"));
        if (f.has("Remediation")) {
            text(f.path("Remediation").path("Recommendation"), "Text", 1, 512);
        }
        if (f.has("Compliance")) {
            JsonNode compliance = f.get("Compliance");
            require(Set.of("PASSED", "WARNING", "FAILED", "NOT_AVAILABLE").contains(compliance.path("Status").asText()),
                    "Compliance.Status must be PASSED, WARNING, FAILED or NOT_AVAILABLE");
            require(compliance.path("RelatedRequirements").size() <= 32, "at most 32 RelatedRequirements");
        }
        if (f.has("ProductFields")) {
            JsonNode fields = f.get("ProductFields");
            require(fields.size() <= 50, "at most 50 ProductFields");
            for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                require(e.getKey().length() <= 128 && e.getValue().asText().length() <= 2048,
                        "ProductFields " + e.getKey() + " too long");
                require(!e.getKey().startsWith("aws/"), "ProductFields aws/ is reserved for AWS");
            }
        }
        if (f.has("FindingProviderFields")) {
            severity(f.get("FindingProviderFields").path("Severity"), "FindingProviderFields.Severity");
            types(f.get("FindingProviderFields").path("Types"), "FindingProviderFields.Types");
        }
        require(Set.of("ACTIVE", "ARCHIVED").contains(f.path("RecordState").asText("ACTIVE")),
                "RecordState must be ACTIVE or ARCHIVED");
        require(f.toString().getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES, "a finding is at most 240 KB");
    }

    private void severity(JsonNode severity, String where) {
        require(LABELS.contains(severity.path("Label").asText()), where + ".Label must be one of " + LABELS);
        if (severity.has("Original")) {
            text(severity, "Original", 1, 64);
        }
    }

    private void types(JsonNode types, String where) {
        require(types.isArray() && !types.isEmpty() && types.size() <= 50, where + " has 1 to 50 entries");
        for (JsonNode type : types) {
            String[] path = type.asText().split("/", -1);
            require(path.length <= 3 && NAMESPACES.contains(path[0]),
                    where + " entry '" + type.asText() + "' is not namespace[/category[/classifier]]");
        }
    }

    private void resources(JsonNode resources) {
        require(resources.isArray() && !resources.isEmpty() && resources.size() <= 32, "Resources has 1 to 32 entries");
        for (JsonNode r : resources) {
            text(r, "Type", 1, 256);
            text(r, "Id", 1, Integer.MAX_VALUE);
            require(PARTITIONS.contains(r.path("Partition").asText()), "Resources.Partition " + r.path("Partition"));
            text(r, "Region", 1, 16);
        }
    }

    private void text(JsonNode parent, String field, int min, int max) {
        if (!parent.has(field)) {
            return;
        }
        String value = parent.get(field).asText();
        require(parent.get(field).isTextual() && NON_EMPTY.matcher(value).matches(), field + " must be non-blank text");
        require(value.length() >= min && value.length() <= max, field + " length " + value.length()
                + " outside " + min + ".." + max);
    }

    private void require(boolean ok, String rule) {
        if (!ok) {
            broken.add(rule);
        }
    }
}
