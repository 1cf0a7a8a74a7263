package dev.vigil.aws.remediate;

/** The outcome of one change: what it set, why it failed, or why it was not attempted. */
public record Applied(Change change, boolean ok, boolean attempted, String after, String error) {

    static Applied ok(Change change, String after) {
        return new Applied(change, true, true, after, null);
    }

    static Applied failed(Change change, String error) {
        return new Applied(change, false, true, null, error);
    }

    static Applied notAttempted(Change change, String why) {
        return new Applied(change, false, false, null, why);
    }
}
