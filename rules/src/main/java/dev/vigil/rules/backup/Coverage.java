package dev.vigil.rules.backup;

import dev.vigil.core.model.BackupRegionSettings;
import dev.vigil.core.model.BackupSelection;
import dev.vigil.core.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** How AWS Backup covers one DB instance or cluster, with the evidence in words. */
record Coverage(Status status, String detail) {

    enum Status { PROTECTED, NOT_PROTECTED, UNKNOWN, ERROR }

    /**
     * AWS Backup opts an account into every resource type it supports in a region when the account first uses
     * AWS Backup there (creates a vault or a plan), RDS and Aurora among them; only a deliberate change turns it off.
     */
    static String defaultOptIn(String type) {
        return "relies on AWS Backup's default service opt-in for " + type + ", which is on from the account's first "
                + "use of AWS Backup in a region unless someone turned it off; the source does not set it (declare "
                + "aws_backup_region_settings, or scan the account, to know)";
    }

    static Coverage protectedBy(String detail) {
        return new Coverage(Status.PROTECTED, detail);
    }

    /**
     * The scope's opt-in for one resource type: empty when no settings state it; several settings (Terraform
     * providers for several regions in one configuration) decide it only when they agree.
     */
    static Optional<Value<Boolean>> optIn(List<BackupRegionSettings> settings, String type) {
        List<BackupRegionSettings> stating = settings.stream().filter(s -> s.optIn(type).isPresent()).toList();
        Set<Value<Boolean>> values = stating.stream().map(s -> s.optIn(type).orElseThrow())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (values.size() <= 1) {
            return values.stream().findFirst();
        }
        return Optional.of(Value.unknown("the " + type + " opt-in of " + stating.stream().map(BackupRegionSettings::id)
                .collect(Collectors.joining(", ")) + ", which differ"));
    }

    /**
     * Snapshot evidence first (AWS Backup has already run), then plan assignment: by naming the target's type
     * whatever the opt-in, else through tags or wildcards where its type is opted in.
     *
     * @param snapshotted names of the scope's targets AWS Backup has a snapshot of
     * @param optIn       the scope's service opt-in for the target's type, or empty when the source does not state it
     */
    static Coverage of(Target target, List<BackupSelection> selections, Set<String> snapshotted,
                       Optional<Value<Boolean>> optIn) {
        if (snapshotted.contains(target.name())) {
            return protectedBy("an AWS Backup snapshot of it exists");
        }
        String type = target.optInType();
        List<String> blocked = new ArrayList<>();
        BackupSelection ifOptedIn = null;
        for (BackupSelection selection : selections) {
            SelectionMatch match = SelectionMatch.of(selection, target);
            switch (match.outcome()) {
                case SELECTED -> {
                    return protectedBy(assigns(selection));
                }
                case SELECTED_IF_OPTED_IN -> ifOptedIn = ifOptedIn == null ? selection : ifOptedIn;
                case UNKNOWN -> blocked.add(selection.name() + ": " + match.blockedBy());
                case NOT_SELECTED -> { }
            }
        }
        String notOptedIn = null;
        if (ifOptedIn != null) {
            String through = assigns(ifOptedIn) + " by tags or a wildcard";
            switch (optIn.orElse(null)) {
                case null -> {
                    return protectedBy(through + "; this " + defaultOptIn(type));
                }
                case Value.Known<Boolean> k when k.value() -> {
                    return protectedBy(through + ", and " + type + " is opted in to AWS Backup in this region");
                }
                case Value.Known<Boolean> k -> notOptedIn = "selection " + ifOptedIn.name() + " reaches it only by tags "
                        + "or a wildcard, and " + type + " is not opted in to AWS Backup in this region (service "
                        + "opt-in): only a selection naming its ARN resource type (" + target.arnType() + ") covers it";
                case Value.Unknown<Boolean> u -> blocked.add(ifOptedIn.name() + ": reaches it by tags or a wildcard, "
                        + "which counts only if " + type + " is opted in to AWS Backup: " + u.expression());
                case Value.Failed<Boolean> f -> {
                    return new Coverage(Status.ERROR, "selection " + ifOptedIn.name() + " reaches it by tags or a "
                            + "wildcard, which counts only if " + type + " is opted in to AWS Backup, and that could "
                            + "not be read: " + f.cause());
                }
            }
        }
        return blocked.isEmpty() ? new Coverage(Status.NOT_PROTECTED, notOptedIn)
                : new Coverage(Status.UNKNOWN, String.join("; ", blocked));
    }

    private static String assigns(BackupSelection selection) {
        return "backup plan " + selection.planName() + " assigns it through selection " + selection.name();
    }
}
