package dev.vigil.rules.backup;

import dev.vigil.core.model.BackupSelection;
import dev.vigil.core.model.RdsInstance;
import dev.vigil.core.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** How AWS Backup covers one DB instance, with the evidence in words. */
record Coverage(Status status, String detail) {

    enum Status { PROTECTED, NOT_PROTECTED, UNKNOWN, ERROR }

    /**
     * AWS Backup opts an account into every resource type it supports in a region when the account first uses
     * AWS Backup there (creates a vault or a plan), RDS among them; only a deliberate change turns it off.
     */
    static final String DEFAULT_OPT_IN = "relies on AWS Backup's default service opt-in for RDS, which is on from "
            + "the account's first use of AWS Backup in a region unless someone turned it off; the source does not "
            + "set it (declare aws_backup_region_settings, or scan the account, to know)";

    static Coverage protectedBy(String detail) {
        return new Coverage(Status.PROTECTED, detail);
    }

    /**
     * Snapshot evidence first (AWS Backup has already run), then plan assignment: by naming the instance's type
     * whatever the opt-in, else through tags or wildcards where RDS is opted in.
     *
     * @param rdsOptIn the scope's service opt-in for RDS, or empty when the source does not state it
     */
    static Coverage of(RdsInstance instance, List<BackupSelection> selections, Set<String> snapshotted,
                       Optional<Value<Boolean>> rdsOptIn) {
        if (snapshotted.contains(instance.name())) {
            return protectedBy("an AWS Backup snapshot of it exists");
        }
        List<String> blocked = new ArrayList<>();
        BackupSelection ifOptedIn = null;
        for (BackupSelection selection : selections) {
            SelectionMatch match = SelectionMatch.of(selection, instance);
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
            switch (rdsOptIn.orElse(null)) {
                case null -> {
                    return protectedBy(through + "; this " + DEFAULT_OPT_IN);
                }
                case Value.Known<Boolean> k when k.value() -> {
                    return protectedBy(through + ", and RDS is opted in to AWS Backup in this region");
                }
                case Value.Known<Boolean> k -> notOptedIn = "selection " + ifOptedIn.name() + " reaches it only by tags "
                        + "or a wildcard, and RDS is not opted in to AWS Backup in this region (service opt-in): only a "
                        + "selection naming the RDS resource type in an ARN covers it";
                case Value.Unknown<Boolean> u -> blocked.add(ifOptedIn.name() + ": reaches it by tags or a wildcard, "
                        + "which counts only if RDS is opted in to AWS Backup: " + u.expression());
                case Value.Failed<Boolean> f -> {
                    return new Coverage(Status.ERROR, "selection " + ifOptedIn.name() + " reaches it by tags or a "
                            + "wildcard, which counts only if RDS is opted in to AWS Backup, and that could not be "
                            + "read: " + f.cause());
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
