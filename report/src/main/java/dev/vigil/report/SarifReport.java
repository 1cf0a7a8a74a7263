package dev.vigil.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.engine.ScanResult;
import dev.vigil.core.model.Origin;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.RuleDefinition;
import dev.vigil.core.rule.RuleMeta;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0, one run, for GitHub code scanning and other SARIF viewers. Every rule that was run is in
 * {@code tool.driver.rules} with its article as help. FAILURE, ERROR and UNKNOWN checks are results; passes are
 * not. Levels: a FAILURE is {@code error} at HIGH risk and above, {@code warning} at MEDIUM, {@code note} at
 * LOW; an ERROR (Vigil could not decide) is {@code warning}; an UNKNOWN (a template value unresolved before
 * deployment) is {@code note}. {@code properties.status} keeps Vigil's status. {@code security-severity} follows
 * the risk on GitHub's 0–10 scale. A suppressed check keeps its result, with an {@code inSource} suppression.
 */
final class SarifReport implements Report {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final Map<Risk, String> SECURITY_SEVERITY = Map.of(Risk.LOW, "2.0", Risk.MEDIUM, "5.0",
            Risk.HIGH, "7.5", Risk.VERY_HIGH, "8.5", Risk.EXTREME, "9.5");

    private final List<RuleDefinition> rulesRun;

    SarifReport(List<RuleDefinition> rulesRun) {
        this.rulesRun = rulesRun;
    }

    @Override
    public void write(ScanResult result, OutputStream out) throws IOException {
        // the rules precede the results: only when the caller did not name them are the checks read ahead
        ReportedRules rules = new ReportedRules(rulesRun, rulesRun.isEmpty() ? result.checkList() : List.of());
        List<String> ruleIds = rules.all().stream().map(RuleMeta::id).toList();
        try (JsonGenerator g = JsonOutput.generator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("$schema", SCHEMA);
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            g.writeStartObject();
            writeTool(g, rules);
            g.writeArrayFieldStart("results");
            for (Check c : result.checks()) {
                if (c.status() != Status.SUCCESS) {
                    writeResult(g, c, ruleIds.indexOf(c.rule().id()));
                }
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void writeTool(JsonGenerator g, ReportedRules rules) throws IOException {
        g.writeObjectFieldStart("tool");
        g.writeObjectFieldStart("driver");
        g.writeStringField("name", Product.NAME);
        g.writeStringField("version", Product.VERSION);
        g.writeArrayFieldStart("rules");
        for (RuleMeta rule : rules.all()) {
            writeRule(g, rule, rules);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeRule(JsonGenerator g, RuleMeta rule, ReportedRules rules) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", rule.id());
        g.writeStringField("name", name(rule.title()));
        writeText(g, "shortDescription", rule.title());
        writeText(g, "fullDescription", rules.summary(rule));
        String article = rules.article(rule.id()).orElse(null);
        if (article != null) {
            g.writeObjectFieldStart("help");
            g.writeStringField("text", article);
            g.writeStringField("markdown", article);
            g.writeEndObject();
        }
        g.writeObjectFieldStart("defaultConfiguration");
        g.writeStringField("level", failureLevel(rule.risk()));
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeStringField("risk", rule.risk().name());
        g.writeArrayFieldStart("categories");
        for (Category c : rule.categories()) {
            g.writeString(c.slug());
        }
        g.writeEndArray();
        g.writeArrayFieldStart("compliances");
        for (String c : rule.compliances()) {
            g.writeString(c);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("tags");
        for (Category c : rule.categories()) {
            g.writeString(c.slug());
        }
        g.writeEndArray();
        g.writeStringField("security-severity", SECURITY_SEVERITY.get(rule.risk()));
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeResult(JsonGenerator g, Check c, int ruleIndex) throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", c.rule().id());
        g.writeNumberField("ruleIndex", ruleIndex);
        g.writeStringField("level", level(c));
        writeText(g, "message", c.resourceName() + ": " + c.message());
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        if (c.origin() instanceof Origin.Template t) {
            g.writeObjectFieldStart("physicalLocation");
            g.writeObjectFieldStart("artifactLocation");
            g.writeStringField("uri", uri(t.file()));
            g.writeEndObject();
            if (t.line() > 0) {
                g.writeObjectFieldStart("region");
                g.writeNumberField("startLine", t.line());
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeArrayFieldStart("logicalLocations");
        g.writeStartObject();
        g.writeStringField("name", c.resourceName());
        g.writeStringField("fullyQualifiedName", c.resource());
        g.writeStringField("kind", "resource");
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeObjectFieldStart("partialFingerprints");
        g.writeStringField("vigilResource/v1", c.rule().id() + "|" + c.origin().scope() + "|" + c.resource());
        g.writeEndObject();
        if (c.suppression() != null) {
            g.writeArrayFieldStart("suppressions");
            g.writeStartObject();
            g.writeStringField("kind", "inSource");
            g.writeStringField("justification", c.suppression());
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeObjectFieldStart("properties");
        g.writeStringField("status", c.status().name());
        g.writeStringField("risk", c.rule().risk().name());
        if (c.origin() instanceof Origin.Live live) {
            g.writeStringField("accountId", live.account());
            g.writeStringField("region", live.region());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    static String level(Check c) {
        return switch (c.status()) {
            case FAILURE -> failureLevel(c.rule().risk());
            case ERROR -> "warning";
            case UNKNOWN, SUCCESS -> "note";
        };
    }

    private static String failureLevel(Risk risk) {
        return risk.atLeast(Risk.HIGH) ? "error" : risk == Risk.MEDIUM ? "warning" : "note";
    }

    private static void writeText(JsonGenerator g, String field, String text) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("text", text);
        g.writeEndObject();
    }

    /** "DynamoDB Continuous Backups" -> "DynamoDBContinuousBackups": SARIF wants an identifier-like name. */
    static String name(String title) {
        StringBuilder name = new StringBuilder();
        for (String word : title.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return name.toString();
    }

    /** A file path as a relative URI reference with forward slashes, percent-encoded where needed. */
    static String uri(String file) {
        String path = file.replace('\\', '/');
        int slash = path.indexOf('/');
        if (path.substring(0, slash < 0 ? path.length() : slash).contains(":")) {
            path = "./" + path;   // a colon in the first segment would read as a URI scheme
        }
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a path: " + file, e);
        }
    }
}
