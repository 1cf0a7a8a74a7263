package dev.vigil.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.engine.ScanResult;
import dev.vigil.core.model.Fault;
import dev.vigil.core.model.Origin;
import dev.vigil.core.remedy.RemedyCodec;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Note;
import dev.vigil.core.rule.Risk;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/** The stable JSON contract (see README): written as a stream, one check at a time. */
final class JsonReport implements Report {


    @Override
    public void write(ScanResult result, OutputStream out) throws IOException {
        try (JsonGenerator g = JsonOutput.generator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("account", result.account());
            g.writeArrayFieldStart("checks");
            Summary.Tally tally = new Summary.Tally();
            for (Check c : result.checks()) {
                tally.accept(c);
                writeCheck(g, c);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("notes");
            for (Note n : result.notes()) {
                g.writeStartObject();
                g.writeStringField("ruleId", n.ruleId());
                g.writeStringField("region", n.region());
                g.writeStringField("text", n.text());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("errors");
            for (Fault f : result.faults()) {
                g.writeStartObject();
                writeOrigin(g, f.origin());
                g.writeStringField("operation", f.operation());
                g.writeStringField("message", f.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            writeSummary(g, tally.summary());
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void writeCheck(JsonGenerator g, Check c) throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", c.rule().id());
        g.writeStringField("ruleTitle", c.rule().title());
        g.writeStringField("status", c.status().name());
        g.writeStringField("risk", c.rule().risk().name());
        g.writeArrayFieldStart("categories");
        for (Category cat : c.rule().categories()) {
            g.writeString(cat.slug());
        }
        g.writeEndArray();
        g.writeArrayFieldStart("compliances");
        for (String s : c.rule().compliances()) {
            g.writeString(s);
        }
        g.writeEndArray();
        g.writeStringField("service", c.rule().service());
        writeOrigin(g, c.origin());
        g.writeStringField("resource", c.resource());
        g.writeStringField("resourceName", c.resourceName());
        g.writeStringField("message", c.message());
        if (c.suppression() != null) {
            g.writeStringField("suppressed", c.suppression());
        }
        if (c.remedy() != null) {
            g.writeObjectFieldStart("remedy");
            for (Map.Entry<String, String> f : RemedyCodec.encode(c.remedy()).entrySet()) {
                g.writeStringField(f.getKey(), f.getValue());
            }
            g.writeEndObject();
        }
        for (Map.Entry<String, Object> p : c.properties().entrySet()) {
            g.writeObjectField(p.getKey(), p.getValue());
        }
        g.writeEndObject();
    }

    private static void writeOrigin(JsonGenerator g, Origin origin) throws IOException {
        switch (origin) {
            case Origin.Live live -> {
                g.writeStringField("accountId", live.account());
                g.writeStringField("region", live.region());
            }
            case Origin.Template t -> {
                g.writeNullField("region");
                g.writeStringField("file", t.file());
                g.writeNumberField("line", t.line());
            }
        }
    }

    private static void writeSummary(JsonGenerator g, Summary s) throws IOException {
        g.writeObjectFieldStart("summary");
        g.writeNumberField("total", s.total());
        for (Status status : Status.values()) {
            g.writeNumberField(status.name(), s.count(status));
        }
        g.writeNumberField("suppressed", s.suppressed());
        g.writeObjectFieldStart("failuresByRisk");
        for (Risk r : Risk.values()) {
            g.writeNumberField(r.name(), s.failuresByRisk().getOrDefault(r, 0));
        }
        g.writeEndObject();
        g.writeEndObject();
    }
}
