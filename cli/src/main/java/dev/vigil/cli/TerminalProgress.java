package dev.vigil.cli;

import dev.vigil.aws.LiveScanner;
import java.io.PrintStream;

/** One self-overwriting status line on stderr, only when a person is watching a terminal. */
final class TerminalProgress implements LiveScanner.Progress {

    private final PrintStream err;
    private int resources;

    private TerminalProgress(PrintStream err) {
        this.err = err;
    }

    static LiveScanner.Progress forStderr() {
        return System.console() != null ? new TerminalProgress(System.err) : (region, done, total, n) -> { };
    }

    @Override
    public synchronized void regionDone(String region, int done, int total, int found) {
        resources += found;
        err.printf("\r\u001b[2Kscanning: %d/%d regions done, %d resources (last: %s)", done, total, resources, region);
        if (done == total) {
            err.print("\r\u001b[2K");
        }
        err.flush();
    }
}
