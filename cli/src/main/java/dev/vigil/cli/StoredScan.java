package dev.vigil.cli;

import dev.vigil.aws.AwsConnection;
import dev.vigil.aws.AwsOptions;
import dev.vigil.aws.LiveScanner;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.RuleDefinition;
import dev.vigil.service.AccountConfig;
import dev.vigil.service.AwsAccess;
import dev.vigil.service.ServiceConfig;
import dev.vigil.service.StoreScan;
import dev.vigil.store.CheckFilter;
import dev.vigil.store.Diff;
import dev.vigil.store.Run;
import dev.vigil.store.Store;
import dev.vigil.store.StoredCheck;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code vigil scan --store}: the credentials' account scanned region by region through the service's jobs and
 * committed into the store as one run (trigger {@code cli}), then summarised as {@code vigil diff} does.
 */
final class StoredScan {

    private StoredScan() {
    }

    /** Exit code: 2 when a region faulted or failed, 1 when a stored check at or above {@code failOn} fails, else 0. */
    static int scan(AwsOptions options, URI endpoint, List<RuleDefinition> rules, StoreOptions storeOptions, Risk failOn,
                    PrintWriter out) {
        String account;
        List<String> regions;
        try (AwsConnection connection = new AwsConnection(options)) {
            LiveScanner scanner = new LiveScanner(connection);
            account = scanner.account();
            regions = scanner.regions();
        }
        AccountConfig config = new AccountConfig(account, null, options.profile(), null, null, regions,
                ServiceConfig.DEFAULT_SCHEDULE, endpoint, Map.of());
        try (Store store = storeOptions.open()) {
            Run run = StoreScan.run(store, config, regions, rules, new AwsAccess(options.credentials(), options.limits()),
                    "cli");
            Diff diff = store.runs().diff(run.id()).orElseThrow();
            out.printf("run %s stored in %s: %s, %d new failure(s), %d resolved, %d still failing; see 'vigil diff %s'%n",
                    run.id(), store.location(), run.outcome().label(), diff.newFailures().size(), diff.resolved().size(),
                    diff.stillFailing().values().stream().mapToInt(Integer::intValue).sum(), run.id());
            out.flush();
            if (run.outcome() != Run.Outcome.SUCCEEDED) {
                return Vigil.ERRORS;
            }
            Instant now = Instant.now();
            List<String> ruleIds = run.rules();
            long failing = store.checks().list(CheckFilter.ALL.withAccount(account).withStatus(dev.vigil.core.check.Status.FAILURE))
                    .stream().filter(c -> regions.contains(c.region()) && ruleIds.contains(c.ruleId()))
                    .filter(c -> !c.suppressedAt(now) && c.risk().atLeast(failOn)).map(StoredCheck::id).count();
            return failing > 0 ? Vigil.FAILURES : Vigil.OK;
        }
    }
}
