package dev.vigil.iac.cloudformation;

/** A template that cannot be read: {@code line} is 1-based, {@code problem} is one line, safe to print. */
final class TemplateSyntaxException extends Exception {

    private final int line;
    private final String problem;

    TemplateSyntaxException(int line, String problem) {
        super(line + ": " + problem, null, false, false);
        this.line = line;
        this.problem = problem;
    }

    int line() {
        return line;
    }

    String problem() {
        return problem;
    }
}
