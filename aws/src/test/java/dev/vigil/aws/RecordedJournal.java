package dev.vigil.aws;

import dev.vigil.aws.remediate.Applied;
import dev.vigil.aws.remediate.Change;
import dev.vigil.aws.remediate.Journal;
import java.util.ArrayList;
import java.util.List;

/** A journal for fixes in tests: keeps what it is told, in order. */
final class RecordedJournal implements Journal {

    final List<String> events = new ArrayList<>();
    final List<Applied> outcomes = new ArrayList<>();

    @Override
    public void intent(Change change) {
        events.add("intent " + change.action() + " " + change.resource());
    }

    @Override
    public void outcome(Applied applied) {
        events.add((applied.attempted() ? "outcome " : "skipped ") + applied.change().action() + " "
                + applied.change().resource());
        outcomes.add(applied);
    }
}
