package dev.vigil.rules.backup;

import dev.vigil.core.model.BackupSelection;
import dev.vigil.core.model.RdsInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** How AWS Backup covers one DB instance, with the evidence in words. */
record Coverage(Status status, String detail) {

    enum Status { PROTECTED, NOT_PROTECTED, UNKNOWN }

    static Coverage protectedBy(String detail) {
        return new Coverage(Status.PROTECTED, detail);
    }

    /** Snapshot evidence first (AWS Backup has already run), then plan assignment. */
    static Coverage of(RdsInstance instance, List<BackupSelection> selections, Set<String> snapshotted) {
        if (snapshotted.contains(instance.name())) {
            return protectedBy("an AWS Backup snapshot of it exists");
        }
        List<String> blocked = new ArrayList<>();
        for (BackupSelection selection : selections) {
            SelectionMatch match = SelectionMatch.of(selection, instance);
            switch (match.outcome()) {
                case SELECTED -> {
                    return protectedBy("backup plan " + selection.planName() + " assigns it through selection "
                            + selection.name());
                }
                case UNKNOWN -> blocked.add(selection.name() + ": " + match.blockedBy());
                case NOT_SELECTED -> { }
            }
        }
        return blocked.isEmpty() ? new Coverage(Status.NOT_PROTECTED, null)
                : new Coverage(Status.UNKNOWN, String.join("; ", blocked));
    }
}
