package dev.vigil.report;

import dev.vigil.core.check.Check;
import dev.vigil.core.engine.ScanResult;
import dev.vigil.core.model.Origin;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One RFC 4180 row per check, written as it goes. */
final class CsvReport implements Report {

    static final List<String> COLUMNS = List.of("accountId", "ruleId", "ruleTitle", "status", "risk", "service",
            "region", "resource", "resourceName", "message", "file", "line", "suppressed");

    @Override
    public void write(ScanResult result, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        row(w, COLUMNS);
        for (Check c : result.checks()) {
            String account = c.origin() instanceof Origin.Live l ? l.account() : "";
            String file = c.origin() instanceof Origin.Template t ? t.file() : "";
            String line = c.origin() instanceof Origin.Template t ? Integer.toString(t.line()) : "";
            row(w, List.of(account, c.rule().id(), c.rule().title(), c.status().name(), c.rule().risk().name(),
                    c.rule().service(), nullToEmpty(c.origin().region()), c.resource(), c.resourceName(),
                    c.message(), file, line, nullToEmpty(c.suppression())));
        }
        w.flush();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static void row(Writer w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(Csv.cell(cells.get(i)));
        }
        w.write("\r\n");
    }
}
