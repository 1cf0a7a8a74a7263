package dev.vigil.aws.remediate;

/**
 * Where a fix records what it does: the intent before each change and its outcome after, so that a change is never
 * made unrecorded and a crash between the two leaves the intent behind. A journal that cannot record throws, and
 * the fix stops before its next change.
 */
public interface Journal {

    void intent(Change change);

    void outcome(Applied applied);
}
