package dev.vigil.hcl;

/** Thrown by a function that met an unknown where it needed a concrete value; the call's result is that unknown. */
final class UnknownFound extends RuntimeException {
    private final transient Unknown unknown;

    UnknownFound(Unknown unknown) {
        super(null, null, false, false);
        this.unknown = unknown;
    }

    Unknown unknown() {
        return unknown;
    }
}
