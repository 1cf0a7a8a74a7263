package dev.vigil.core.model;

import java.util.List;

/** An AWS Backup plan: what it backs up is in its selections, when and for how long in its rules. */
public record BackupPlan(Origin origin, String id, String name, String arn, Value<List<BackupRule>> rules)
        implements Resource {

    /**
     * One rule of a plan. Days are {@link #NEVER} when the rule sets none (AWS Backup then keeps recovery points
     * indefinitely, or never moves them to cold storage) or sets -1, which says the same.
     */
    public record BackupRule(String name, Value<Long> deleteAfterDays, Value<Long> moveToColdStorageAfterDays) {

        public static final long NEVER = -1;
    }
}
