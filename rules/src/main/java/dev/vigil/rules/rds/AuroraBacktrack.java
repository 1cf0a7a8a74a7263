package dev.vigil.rules.rds;

import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.RdsCluster;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.EnableClusterBacktrack;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Findings;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.Rule;
import dev.vigil.core.rule.RuleInfo;
import java.util.Map;
import java.util.Set;

/**
 * One check per Aurora MySQL cluster (engine {@code aurora-mysql}, or {@code aurora} for Aurora MySQL 1): its backtrack
 * window must be above zero. A template cluster whose engine cannot be resolved is UNKNOWN, since backtracking exists
 * for Aurora MySQL only.
 */
@RuleInfo(id = "RDS-034", title = "Backtrack", risk = Risk.LOW, categories = Category.RELIABILITY,
        compliances = {"HIPAA", "NIST5"},
        controls = {"HIPAA:164.308(a)(7)(ii)(B)", "NIST5:CP-10"},
        service = "RDS", resource = RdsCluster.class, remedy = EnableClusterBacktrack.class)
public final class AuroraBacktrack implements Rule {

    static final Set<String> AURORA_MYSQL = Set.of("aurora-mysql", "aurora");

    /** The window the remedy asks for: one day of rewind, AWS's allowed maximum being three. */
    static final long WINDOW_SECONDS = 86_400;

    @Override
    public void evaluate(Inventory inventory, Findings findings) {
        for (RdsCluster cluster : inventory.all(RdsCluster.class)) {
            if (cluster.engine() == null) {
                findings.unknown(cluster, "The engine cannot be resolved before deployment; backtracking exists for "
                        + "Aurora MySQL only");
                continue;
            }
            if (!AURORA_MYSQL.contains(cluster.engine())
                    || findings.unresolved(cluster, cluster.backtrackWindowSeconds(), "Backtrack window")) {
                continue;
            }
            long window = ((Value.Known<Long>) cluster.backtrackWindowSeconds()).value();
            if (window > 0) {
                findings.pass(cluster, "Backtracking is enabled with a target window of " + window + " seconds",
                        Map.of("backtrackWindowSeconds", window));
            } else {
                findings.fail(cluster, "Backtracking is not enabled: a mistaken write can only be undone by restoring "
                        + "a backup into a new cluster", new EnableClusterBacktrack(cluster.name(),
                        cluster.name() + "-backtrack", Long.toString(WINDOW_SECONDS)));
            }
        }
    }
}
