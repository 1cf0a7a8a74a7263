package dev.vigil.hcl;

/**
 * An evaluation error such as a type mismatch. It is located at the innermost expression it
 * passes through, is caught by {@code try} and {@code can}, and otherwise becomes an
 * {@link Unknown} naming that expression.
 */
final class EvalError extends RuntimeException {
    private final transient Range range;

    EvalError(String message) {
        this(message, null);
    }

    private EvalError(String message, Range range) {
        super(message, null, false, false);
        this.range = range;
    }

    Range range() {
        return range;
    }

    EvalError locate(Range at) {
        return range != null ? this : new EvalError(getMessage(), at);
    }
}
