package dev.vigil.cli;

import dev.vigil.aws.LiveScanner;
import java.io.PrintStream;

/**
 * One self-overwriting status line on stderr, only when a person is watching a terminal. Counts regions,
 * or accounts in a multi-account scan (which also reports regions without a total).
 */
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
        String count = total > 0 ? done + "/" + total : Integer.toString(done);
        err.printf("\r\u001b[2Kscanning: %s done, %d resources (last: %s)", count, resources, region);
        if (done == total) {
            err.print("\r\u001b[2K");
        }
        err.flush();
    }
}
