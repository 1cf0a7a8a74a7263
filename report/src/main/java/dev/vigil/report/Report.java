package dev.vigil.report;

import dev.vigil.core.engine.ScanResult;
import java.io.IOException;
import java.io.OutputStream;

/** Writes a scan result in one format. */
public interface Report {

    void write(ScanResult result, OutputStream out) throws IOException;
}
