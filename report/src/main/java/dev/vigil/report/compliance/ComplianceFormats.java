package dev.vigil.report.compliance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.vigil.report.Csv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** A compliance report as JSON and as CSV (one row per failing resource, and one per rule without any). */
public final class ComplianceFormats {

    /** The caller's writer stays open (it may be standard output). */
    private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private ComplianceFormats() {
    }

    public static void json(ComplianceReport report, Writer out) {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("standard", report.standard());
            g.writeStringField("generated", report.generated().toString());
            counts(g, "totals", report.totals());
            g.writeArrayFieldStart("controls");
            for (ComplianceReport.Control control : report.controls()) {
                g.writeStartObject();
                g.writeStringField("control", control.control());
                counts(g, "counts", control.counts());
                g.writeArrayFieldStart("rules");
                for (ComplianceReport.RuleResult rule : control.rules()) {
                    g.writeStartObject();
                    g.writeStringField("ruleId", rule.ruleId());
                    g.writeStringField("title", rule.title());
                    g.writeStringField("risk", rule.risk().name());
                    counts(g, "counts", rule.counts());
                    g.writeArrayFieldStart("failing");
                    for (ComplianceReport.Failing f : rule.failing()) {
                        g.writeStartObject();
                        g.writeStringField("checkId", f.checkId());
                        g.writeStringField("accountId", f.accountId());
                        g.writeStringField("region", f.region());
                        g.writeStringField("resource", f.resource());
                        g.writeStringField("resourceName", f.resourceName());
                        g.writeStringField("message", f.message());
                        g.writeStringField("failingSince", f.since() == null ? null : f.since().toString());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeNumberField("moreFailing", rule.more());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Columns: standard, control, ruleId, title, risk, passing, failing, suppressed, errors, then the failing resource. */
    public static void csv(ComplianceReport report, Writer out) {
        try {
            out.write(row("standard", "control", "ruleId", "ruleTitle", "risk", "passing", "failing", "suppressed",
                    "errors", "accountId", "region", "resource", "resourceName", "message", "failingSince"));
            for (ComplianceReport.Control control : report.controls()) {
                for (ComplianceReport.RuleResult rule : control.rules()) {
                    ComplianceReport.Counts c = rule.counts();
                    String[] head = {report.standard(), control.control() == null ? "" : control.control(), rule.ruleId(),
                            rule.title(), rule.risk().name(), Long.toString(c.passing()), Long.toString(c.failing()),
                            Long.toString(c.suppressed()), Long.toString(c.errors())};
                    if (rule.failing().isEmpty()) {
                        out.write(row(concat(head, "", "", "", "", "", "")));
                    }
                    for (ComplianceReport.Failing f : rule.failing()) {
                        out.write(row(concat(head, f.accountId(), f.region(), f.resource(), f.resourceName(),
                                f.message(), f.since() == null ? "" : f.since().toString())));
                    }
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    private static void counts(JsonGenerator g, String field, ComplianceReport.Counts c) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeNumberField("passing", c.passing());
        g.writeNumberField("failing", c.failing());
        g.writeNumberField("suppressed", c.suppressed());
        g.writeNumberField("errors", c.errors());
        if (c.percent() == null) {
            g.writeNullField("percent");
        } else {
            g.writeNumberField("percent", c.percent());
        }
        g.writeEndObject();
    }

    private static String row(String... cells) {
        StringBuilder line = new StringBuilder();
        for (String cell : cells) {
            line.append(line.isEmpty() ? "" : ",").append(Csv.cell(cell == null ? "" : cell));
        }
        return line.append("\r\n").toString();
    }
}
