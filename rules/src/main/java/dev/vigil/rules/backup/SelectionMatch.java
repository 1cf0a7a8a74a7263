package dev.vigil.rules.backup;

import dev.vigil.core.model.BackupSelection;
import dev.vigil.core.model.RdsInstance;
import dev.vigil.core.model.Value;
import dev.vigil.core.model.Wildcard;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether one backup selection assigns one DB instance, by AWS Backup's semantics: the instance is
 * selected by a {@code Resources} ARN pattern OR a {@code ListOfTags} entry, AND satisfies every
 * {@code Conditions} entry, AND matches no {@code NotResources} pattern.
 */
record SelectionMatch(Outcome outcome, String blockedBy) {

    enum Outcome { SELECTED, NOT_SELECTED, UNKNOWN }

    static SelectionMatch of(BackupSelection selection, RdsInstance instance) {
        List<String> blocked = new ArrayList<>();
        boolean byResource = anyMatches(selection.resources(), instance.arn(), blocked);
        boolean byTag = selection.listOfTags().stream().anyMatch(t -> t.test(instance.tags()));
        if (!byResource && !byTag) {
            return blocked.isEmpty() ? notSelected() : unknown(blocked);
        }
        if (!selection.conditions().stream().allMatch(c -> c.test(instance.tags()))) {
            return notSelected();
        }
        List<String> blockedExclusion = new ArrayList<>();
        if (anyMatches(selection.notResources(), instance.arn(), blockedExclusion)) {
            return notSelected();
        }
        if (!blockedExclusion.isEmpty()) {
            return unknown(blockedExclusion);
        }
        // Resources matched only through an unresolved pattern is not a match; tags alone can still select.
        return new SelectionMatch(Outcome.SELECTED, null);
    }

    private static boolean anyMatches(List<Value<String>> patterns, String arn, List<String> blocked) {
        boolean matched = false;
        for (Value<String> pattern : patterns) {
            switch (pattern) {
                case Value.Known<String> k -> matched |= Wildcard.matches(k.value(), arn);
                case Value.Unknown<String> u -> blocked.add(u.expression());
                case Value.Failed<String> f -> blocked.add(f.cause());
            }
        }
        return matched;
    }

    private static SelectionMatch notSelected() {
        return new SelectionMatch(Outcome.NOT_SELECTED, null);
    }

    private static SelectionMatch unknown(List<String> blocked) {
        return new SelectionMatch(Outcome.UNKNOWN, String.join(", ", blocked));
    }
}
