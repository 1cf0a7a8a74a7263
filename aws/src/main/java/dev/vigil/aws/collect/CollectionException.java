package dev.vigil.aws.collect;

/** A call that failed for a whole region and kind; {@code operation} is {@code service:Operation}. */
public final class CollectionException extends RuntimeException {

    private final String operation;

    public CollectionException(String operation, Throwable cause) {
        super(Faults.describe(cause), cause);
        this.operation = operation;
    }

    public String operation() {
        return operation;
    }
}
