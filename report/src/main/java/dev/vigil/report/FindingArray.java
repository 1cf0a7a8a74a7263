package dev.vigil.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.core.check.Check;
import dev.vigil.core.engine.ScanResult;
import java.io.IOException;
import java.io.OutputStream;

/** A finding format that is a JSON array of one object per check (OCSF, ASFF), written as the checks come. */
abstract class FindingArray implements Report {

    /** Writes one check's finding as a JSON object. */
    abstract void writeFinding(JsonGenerator g, Check c) throws IOException;

    @Override
    public final void write(ScanResult result, OutputStream out) throws IOException {
        try (JsonGenerator g = JsonOutput.generator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (Check c : result.checks()) {
                writeFinding(g, c);
            }
            g.writeEndArray();
            g.writeRaw('\n');
        }
    }
}
