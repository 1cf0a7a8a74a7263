package dev.vigil.aws.remediate;

/** The outcome of one change: what it set, or why it failed. */
public record Applied(Change change, boolean ok, String after, String error) {

    static Applied ok(Change change, String after) {
        return new Applied(change, true, after, null);
    }

    static Applied failed(Change change, String error) {
        return new Applied(change, false, null, error);
    }
}
