package dev.vigil.iac.cloudformation;

import dev.vigil.core.check.Printable;
import java.util.regex.Pattern;

/** A template that cannot be read: {@code line} is 1-based, {@code problem} is one line, safe to print. */
final class TemplateSyntaxException extends Exception {

    /** Jackson's pointer to where a structure started, which names no source and repeats the line. */
    private static final Pattern JSON_START_MARKER =
            Pattern.compile("\\s*\\((?:start marker at|for \\w+ starting at) \\[Source:.*$", Pattern.DOTALL);

    private final int line;
    private final String problem;

    TemplateSyntaxException(int line, String problem) {
        super(null, null, false, false);
        this.line = line;
        this.problem = clean(problem);
    }

    @Override
    public String getMessage() {
        return line + ": " + problem;
    }

    int line() {
        return line;
    }

    String problem() {
        return problem;
    }

    /** One printable line: parser pointers removed, what a terminal would not print as itself escaped. */
    private static String clean(String problem) {
        return Printable.of(problem == null || problem.isBlank() ? "cannot be parsed"
                : JSON_START_MARKER.matcher(problem.strip()).replaceFirst(""));
    }
}
