package dev.vigil.store;

/**
 * The store could not do what was asked: one printable line, no password in it. {@link #unavailable()} says
 * the database could not be reached (or was lost), as opposed to a statement it refused.
 */
public final class StoreException extends RuntimeException {

    private final boolean unavailable;

    public StoreException(String message, boolean unavailable, Throwable cause) {
        super(message, cause);
        this.unavailable = unavailable;
    }

    public boolean unavailable() {
        return unavailable;
    }
}
