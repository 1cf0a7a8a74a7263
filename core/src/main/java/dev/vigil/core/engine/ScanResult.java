package dev.vigil.core.engine;

import dev.vigil.core.check.Check;
import dev.vigil.core.model.Fault;
import dev.vigil.core.rule.Note;
import java.util.List;

/** Everything a scan yields, for reports and sinks. */
public record ScanResult(String account, List<Check> checks, List<Note> notes, List<Fault> faults) {
}
