package dev.vigil.server;

import dev.vigil.core.check.Status;
import dev.vigil.report.compliance.ComplianceReport.Counts;
import dev.vigil.store.Checks;

/** Where a stored count goes: suppressed apart (whatever its status), else passing, failing, or not decided. */
final class Tally {

    private Tally() {
    }

    static Counts of(Checks.Count count) {
        long n = count.checks();
        if (count.suppressed()) {
            return new Counts(0, 0, n, 0);
        }
        return count.status() == Status.SUCCESS ? new Counts(n, 0, 0, 0)
                : count.status() == Status.FAILURE ? new Counts(0, n, 0, 0) : new Counts(0, 0, 0, n);
    }
}
