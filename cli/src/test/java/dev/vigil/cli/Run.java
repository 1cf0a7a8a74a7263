package dev.vigil.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One command line run in-process, with its exit code and what it printed through picocli. */
record Run(int exit, String out, String err) {

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Vigil.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }
}
