package dev.vigil.service;

import dev.vigil.core.rule.RuleDefinition;
import dev.vigil.store.Run;
import dev.vigil.store.Runs;
import dev.vigil.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A one-off run written into the store ({@code vigil scan --store}): the same region jobs as the service's,
 * run here at once, one per region, and the run closed at the end. No channel is told.
 */
public final class StoreScan {

    private StoreScan() {
    }

    /**
     * @throws IllegalStateException the account already has a run going (the service's, or another scan's)
     */
    public static Run run(Store store, AccountConfig account, List<String> regions, List<RuleDefinition> rules,
                          AwsAccess access, String node) {
        Runs.Created created = store.runs().create(new Runs.NewRun(account.id(), account.label(), Run.Trigger.CLI,
                regions, rules.stream().map(r -> r.meta().id()).toList()));
        if (!created.created()) {
            throw new IllegalStateException("account " + account.id() + " already has a run going ("
                    + created.run().id() + "); wait for it or see 'vigil runs'");
        }
        String runId = created.run().id();
        List<Future<?>> jobs = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String region : regions) {
                jobs.add(pool.submit(() -> {
                    if (store.runs().startRegion(runId, region, node)) {
                        RegionJob.commit(store, runId, account, region, rules, access);
                    }
                }));
            }
        }
        RuntimeException failure = null;
        for (Future<?> job : jobs) {
            try {
                job.get();
            } catch (ExecutionException e) {
                failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IllegalStateException("interrupted", e);
            }
        }
        if (failure != null) {
            // the run stays failed rather than open; what the other regions committed stays committed
            store.runs().end(runId, Run.Outcome.FAILED, failure.getMessage());
            throw failure;
        }
        store.runs().closeIfComplete(runId);
        return store.runs().get(runId).orElseThrow();
    }
}
