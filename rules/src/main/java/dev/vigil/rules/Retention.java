package dev.vigil.rules;

import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.RdsCluster;
import dev.vigil.core.model.Resource;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.Remedy;
import dev.vigil.core.rule.Findings;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The check every "backups kept at least N days" rule makes: a retention read as a {@link Value}, judged against the
 * rule's minimum (a setting), with the retention as a check property ({@code retentionDays}). A retention of 0 means
 * the service takes no automatic backups at all, and the message says so.
 */
public final class Retention {

    /** The name of the setting these rules share, as Conformity names it. */
    public static final String SETTING = "minimumRetentionPeriod";

    private Retention() {
    }

    /**
     * One check of {@code resource}: UNKNOWN or ERROR when {@code days} is not known, SUCCESS at or above
     * {@code minimum}, else FAILURE with the remedy {@code fix} makes from the minimum (as text, the remedy's field).
     *
     * @param what how the article and the console name the setting, e.g. {@code Backup retention period}
     */
    public static void judge(Findings findings, Resource resource, Value<Long> days, long minimum, String what,
                             Function<String, Remedy> fix) {
        if (findings.unresolved(resource, days, what)) {
            return;
        }
        long kept = ((Value.Known<Long>) days).value();
        Map<String, Object> properties = Map.of("retentionDays", kept);
        if (kept >= minimum) {
            findings.pass(resource, what + " is " + days(kept) + " (at least " + days(minimum) + ")", properties);
        } else if (kept == 0) {
            findings.fail(resource, what + " is 0: no automatic backups are taken", fix.apply(Long.toString(minimum)),
                    properties);
        } else {
            findings.fail(resource, what + " is " + days(kept) + ", less than " + days(minimum),
                    fix.apply(Long.toString(minimum)), properties);
        }
    }

    /**
     * {@link #judge} for every DB cluster of the RDS API with {@code engine} (DocumentDB, Neptune), on its backup
     * retention period, against the rule's {@link #SETTING}.
     */
    public static void judgeDbClusters(Inventory inventory, Findings findings, String engine,
                                       BiFunction<String, String, Remedy> fix) {
        long minimum = findings.integer(SETTING);
        for (RdsCluster cluster : inventory.all(RdsCluster.class)) {
            if (engine.equals(cluster.engine())) {
                judge(findings, cluster, cluster.backupRetentionDays(), minimum, "Backup retention period",
                        days -> fix.apply(cluster.name(), days));
            }
        }
    }

    private static String days(long n) {
        return n + (n == 1 ? " day" : " days");
    }
}
