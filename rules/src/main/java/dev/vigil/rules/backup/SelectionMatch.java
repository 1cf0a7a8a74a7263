package dev.vigil.rules.backup;

import dev.vigil.core.model.BackupSelection;
import dev.vigil.core.model.Value;
import dev.vigil.core.model.Wildcard;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether one backup selection assigns one DB instance or cluster, by AWS Backup's semantics: the target is
 * selected by a {@code Resources} ARN pattern OR a {@code ListOfTags} entry — or by the selection naming neither,
 * which selects every supported resource — AND satisfies every {@code Conditions} entry, AND matches no
 * {@code NotResources} pattern. A pattern that names the target's ARN resource type ({@code arn:aws:rds:*:*:db:*},
 * {@code arn:aws:rds:*:*:cluster:*}, its own ARN) selects it whatever the region's service opt-in; any other way
 * (tags, {@code *}, {@code arn:aws:rds:*}, selecting everything) selects it only where its type is opted in.
 */
record SelectionMatch(Outcome outcome, String blockedBy) {

    enum Outcome { SELECTED, SELECTED_IF_OPTED_IN, NOT_SELECTED, UNKNOWN }

    static SelectionMatch of(BackupSelection selection, Target target) {
        List<String> blocked = new ArrayList<>();
        Reach byResource = reach(selection.resources(), target, blocked);
        boolean byTag = selection.listOfTags().stream().anyMatch(t -> t.test(target.tags()));
        boolean everything = selection.resources().isEmpty() && selection.listOfTags().isEmpty();
        if (byResource == Reach.NONE && !byTag && !everything) {
            return blocked.isEmpty() ? notSelected() : unknown(blocked);
        }
        if (!selection.conditions().stream().allMatch(c -> c.test(target.tags()))) {
            return notSelected();
        }
        List<String> blockedExclusion = new ArrayList<>();
        if (reach(selection.notResources(), target, blockedExclusion) != Reach.NONE) {
            return notSelected();
        }
        if (!blockedExclusion.isEmpty()) {
            return unknown(blockedExclusion);
        }
        // Resources matched only through an unresolved pattern is not a match; tags alone can still select.
        return new SelectionMatch(byResource == Reach.BY_TYPE ? Outcome.SELECTED : Outcome.SELECTED_IF_OPTED_IN, null);
    }

    /** How a list of ARN patterns reaches a target: not at all, through a wildcard, or naming its type. */
    private enum Reach { NONE, BY_WILDCARD, BY_TYPE }

    private static Reach reach(List<Value<String>> patterns, Target target, List<String> blocked) {
        Reach reach = Reach.NONE;
        for (Value<String> pattern : patterns) {
            switch (pattern) {
                case Value.Known<String> k when Wildcard.matches(k.value(), target.arn()) ->
                        reach = namesType(k.value(), target.arnType()) ? Reach.BY_TYPE
                                : reach == Reach.BY_TYPE ? reach : Reach.BY_WILDCARD;
                case Value.Known<String> k -> { }
                case Value.Unknown<String> u -> blocked.add(u.expression());
                case Value.Failed<String> f -> blocked.add(f.cause());
            }
        }
        return reach;
    }

    /** {@code arn:PARTITION:rds:REGION:ACCOUNT:<arnType>:NAME}, service and resource type written out. */
    private static boolean namesType(String pattern, String arnType) {
        String[] parts = pattern.split(":", 7);
        return parts.length == 7 && parts[2].equals("rds") && parts[5].equals(arnType);
    }

    private static SelectionMatch notSelected() {
        return new SelectionMatch(Outcome.NOT_SELECTED, null);
    }

    private static SelectionMatch unknown(List<String> blocked) {
        return new SelectionMatch(Outcome.UNKNOWN, String.join(", ", blocked));
    }
}
