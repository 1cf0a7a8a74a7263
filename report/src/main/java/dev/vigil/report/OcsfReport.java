package dev.vigil.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.core.check.Check;
import dev.vigil.core.check.CheckId;
import dev.vigil.core.check.Status;
import dev.vigil.core.model.Origin;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.RuleMeta;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * OCSF 1.6.0 (the version AWS Security Hub reads), one Compliance Finding (class 2003) per check, as a JSON array
 * written as the checks come. Compliance Finding rather than Detection Finding: a check is the result of
 * evaluating one resource against a rule that standards map to, with pass as a result as meaningful as fail, which
 * is what that class describes (its {@code compliance} object carries the rule as control, the standards and the
 * pass/fail status); Detection Finding describes detections of threats and has no passing result.
 */
final class OcsfReport extends FindingArray {

    static final String VERSION = "1.6.0";
    private static final int CLASS_UID = 2003;
    private static final String[] SEVERITY = {"Unknown", "Informational", "Low", "Medium", "High", "Critical"};

    private final ReportedRules rules;
    private final Instant time;

    OcsfReport(ReportOptions options) {
        this.rules = new ReportedRules(options.rules(), List.of());
        this.time = options.time();
    }

    @Override
    void writeFinding(JsonGenerator g, Check c) throws IOException {
        RuleMeta rule = c.rule();
        boolean passed = c.status() == Status.SUCCESS;
        int activity = passed ? 3 : 1;   // Close: a passing check closes the finding; Create otherwise
        int severity = passed ? 1 : severityId(rule.risk());
        g.writeStartObject();
        g.writeNumberField("activity_id", activity);
        g.writeStringField("activity_name", passed ? "Close" : "Create");
        g.writeNumberField("category_uid", 2);
        g.writeStringField("category_name", "Findings");
        g.writeNumberField("class_uid", CLASS_UID);
        g.writeStringField("class_name", "Compliance Finding");
        g.writeNumberField("type_uid", CLASS_UID * 100 + activity);
        g.writeStringField("type_name", "Compliance Finding: " + (passed ? "Close" : "Create"));
        g.writeNumberField("time", time.toEpochMilli());
        g.writeNumberField("severity_id", severity);
        g.writeStringField("severity", SEVERITY[severity]);
        writeStatus(g, c);
        g.writeStringField("message", c.resourceName() + ": " + c.message());
        writeMetadata(g);
        writeCloud(g, c.origin());
        writeFindingInfo(g, c);
        writeCompliance(g, c);
        writeResource(g, c);
        g.writeObjectFieldStart("remediation");
        g.writeStringField("desc", rules.remediation(rule));
        g.writeArrayFieldStart("kb_article_list");
        g.writeStartObject();
        g.writeStringField("uid", rule.id());
        g.writeStringField("title", rule.id() + " " + rule.title());
        g.writeEndObject();
        g.writeEndArray();
        g.writeArrayFieldStart("references");
        g.writeString("vigil explain " + rule.id());
        g.writeEndArray();
        g.writeEndObject();
        g.writeObjectFieldStart("unmapped");
        g.writeStringField("risk", rule.risk().name());
        g.writeStringField("service", rule.service());
        g.writeEndObject();
        g.writeEndObject();
    }

    /** The finding's status: resolved when it passes, suppressed when the user said so, new otherwise. */
    private static void writeStatus(JsonGenerator g, Check c) throws IOException {
        if (c.suppression() != null) {
            g.writeNumberField("status_id", 3);
            g.writeStringField("status", "Suppressed");
            g.writeStringField("status_detail", "suppressed: " + c.suppression());
        } else if (c.status() == Status.SUCCESS) {
            g.writeNumberField("status_id", 4);
            g.writeStringField("status", "Resolved");
        } else {
            g.writeNumberField("status_id", 1);
            g.writeStringField("status", "New");
        }
        g.writeStringField("status_code", c.status().name());
    }

    private static void writeMetadata(JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("metadata");
        g.writeStringField("version", VERSION);
        g.writeObjectFieldStart("product");
        g.writeStringField("name", Product.NAME);
        g.writeStringField("vendor_name", Product.NAME);
        g.writeStringField("version", Product.VERSION);
        g.writeEndObject();
        g.writeArrayFieldStart("profiles");
        g.writeString("cloud");
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeCloud(JsonGenerator g, Origin origin) throws IOException {
        g.writeObjectFieldStart("cloud");
        g.writeStringField("provider", "AWS");
        if (origin instanceof Origin.Live live) {
            g.writeObjectFieldStart("account");
            g.writeStringField("uid", live.account());
            g.writeNumberField("type_id", 10);
            g.writeStringField("type", "AWS Account");
            g.writeEndObject();
            g.writeStringField("region", live.region());
        }
        g.writeEndObject();
    }

    private void writeFindingInfo(JsonGenerator g, Check c) throws IOException {
        RuleMeta rule = c.rule();
        g.writeObjectFieldStart("finding_info");
        g.writeStringField("uid", CheckId.of(c));
        g.writeStringField("title", rule.id() + " " + rule.title());
        g.writeStringField("desc", rules.summary(rule));
        g.writeArrayFieldStart("types");
        for (Category category : rule.categories()) {
            g.writeString(category.slug());
        }
        g.writeEndArray();
        g.writeObjectFieldStart("analytic");
        g.writeStringField("uid", rule.id());
        g.writeStringField("name", rule.title());
        g.writeNumberField("type_id", 1);
        g.writeStringField("type", "Rule");
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeCompliance(JsonGenerator g, Check c) throws IOException {
        g.writeObjectFieldStart("compliance");
        g.writeStringField("control", c.rule().id());
        g.writeArrayFieldStart("standards");
        for (String standard : c.rule().compliances()) {
            g.writeString(standard);
        }
        g.writeEndArray();
        int status = switch (c.status()) {
            case SUCCESS -> 1;
            case FAILURE -> 3;
            case ERROR, UNKNOWN -> 0;   // not decided: neither a pass nor a failure
        };
        g.writeNumberField("status_id", status);
        g.writeStringField("status", status == 1 ? "Pass" : status == 3 ? "Fail" : "Unknown");
        g.writeStringField("status_code", c.status().name());
        g.writeStringField("status_detail", c.message());
        g.writeEndObject();
    }

    private static void writeResource(JsonGenerator g, Check c) throws IOException {
        FindingResource resource = FindingResource.of(c);
        g.writeArrayFieldStart("resources");
        g.writeStartObject();
        g.writeStringField("uid", resource.id());
        g.writeStringField("name", c.resourceName());
        g.writeStringField("type", resource.type().cloudFormation());
        switch (c.origin()) {
            case Origin.Live live -> {
                g.writeStringField("region", live.region());
                g.writeStringField("cloud_partition", resource.partition());
            }
            case Origin.Template t -> {
                g.writeObjectFieldStart("data");
                g.writeStringField("file", t.file());
                g.writeNumberField("line", t.line());
                g.writeEndObject();
            }
        }
        g.writeEndObject();
        g.writeEndArray();
    }

    /** OCSF severity from Conformity's risk: VERY_HIGH and EXTREME are both Critical (the risk stays in unmapped). */
    static int severityId(Risk risk) {
        return switch (risk) {
            case LOW -> 2;
            case MEDIUM -> 3;
            case HIGH -> 4;
            case VERY_HIGH, EXTREME -> 5;
        };
    }
}
