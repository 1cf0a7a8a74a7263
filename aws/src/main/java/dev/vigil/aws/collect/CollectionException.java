package dev.vigil.aws.collect;

/** A call that failed for a whole region and kind; {@code operation} is {@code service:Operation}. */
public final class CollectionException extends RuntimeException {

    private final String operation;

    public CollectionException(String operation, Throwable cause) {
        super(Faults.describe(cause), cause);
        this.operation = operation;
    }

    /** A response that AWS answered but that cannot be used, e.g. one missing what AWS always sends. */
    public CollectionException(String operation, String problem) {
        super(problem);
        this.operation = operation;
    }

    public String operation() {
        return operation;
    }
}
