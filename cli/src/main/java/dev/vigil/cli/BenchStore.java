package dev.vigil.cli;

import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.model.Origin;
import dev.vigil.core.remedy.EnablePointInTimeRecovery;
import dev.vigil.core.rule.Catalog;
import dev.vigil.core.rule.RuleMeta;
import dev.vigil.store.Run;
import dev.vigil.store.Runs;
import dev.vigil.store.Scope;
import dev.vigil.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A store filled for the benchmarks: DynamoDB-003 checks over 100 accounts and 10 regions, half failing, written
 * through the lifecycle 1,000 per commit (one run per account and region), as the service's jobs write them.
 */
final class BenchStore {

    static final int ACCOUNTS = 100;
    static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "us-west-2", "ap-southeast-2", "eu-central-1",
            "ap-northeast-1", "sa-east-1", "ca-central-1", "eu-north-1", "ap-south-1");
    private static final int PER_COMMIT = 1000;

    private BenchStore() {
    }

    static String account(int i) {
        return String.format("%012d", 200000000000L + i % ACCOUNTS);
    }

    /** Writes {@code checks} checks (rounded down to a thousand, at least one commit); returns how many. */
    static long fill(Store store, int checks) {
        RuleMeta rule = Catalog.load().find("DynamoDB-003").meta();
        int scopes = Math.max(1, checks / PER_COMMIT);
        for (int s = 0; s < scopes; s++) {
            String account = account(s);
            String region = REGIONS.get((s / ACCOUNTS) % REGIONS.size());
            Run run = store.runs().create(new Runs.NewRun(account, null, Run.Trigger.CLI, List.of(region),
                    List.of(rule.id()))).run();
            List<Check> batch = new ArrayList<>(PER_COMMIT);
            for (int i = 0; i < PER_COMMIT; i++) {
                String table = "t-" + s + "-" + i;
                boolean failing = i % 2 == 0;
                batch.add(new Check(rule, failing ? Status.FAILURE : Status.SUCCESS,
                        "arn:aws:dynamodb:" + region + ":" + account + ":table/" + table, table,
                        new Origin.Live(account, region), failing ? "Point-in-time recovery is not enabled" : "ok",
                        failing ? new EnablePointInTimeRecovery(table) : null, Map.of(), null));
            }
            store.runs().startRegion(run.id(), region, "bench");
            store.runs().commitRegion(run.id(), new Scope(account, region, List.of(rule)), batch, List.of(), 0);
            store.runs().closeIfComplete(run.id());
        }
        return (long) scopes * PER_COMMIT;
    }
}
