package dev.vigil.notify;

/** A delivery that failed: one line, no secret in it, and whether trying again may help. */
public final class DeliveryException extends Exception {

    private final boolean retryable;

    public DeliveryException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
