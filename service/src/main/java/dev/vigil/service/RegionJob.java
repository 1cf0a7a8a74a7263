package dev.vigil.service;

import dev.vigil.aws.AccountConnection;
import dev.vigil.aws.AwsAccessException;
import dev.vigil.aws.CallStats;
import dev.vigil.aws.LiveScanner;
import dev.vigil.core.engine.Engine;
import dev.vigil.core.engine.ScanResult;
import dev.vigil.core.model.Fault;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Origin;
import dev.vigil.core.model.Resource;
import dev.vigil.core.rule.Catalog;
import dev.vigil.core.rule.RuleDefinition;
import dev.vigil.store.Run;
import dev.vigil.store.Scope;
import dev.vigil.store.Store;
import dev.vigil.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One job: one region of an account's open run. It collects only that region, evaluates the account's rules,
 * and commits the region with its checks in one transaction; the job that commits the last region closes the
 * run and hands it to the notifier. Its instance ID is {@code ACCOUNT/REGION}, so two jobs for the same account
 * and region never exist at once, and its pacing buckets are its own (AWS's limits are per account and region).
 */
final class RegionJob {

    private final ServiceConfig config;
    private final Store store;
    private final Catalog catalog;
    private final AwsAccess access;
    private final String node;
    private final Notifier notifier;
    private final Consumer<String> log;

    RegionJob(ServiceConfig config, Store store, Catalog catalog, AwsAccess access, String node, Notifier notifier,
              Consumer<String> log) {
        this.config = config;
        this.store = store;
        this.catalog = catalog;
        this.access = access;
        this.node = node;
        this.notifier = notifier;
        this.log = log;
    }

    /** Runs the job named {@code ACCOUNT/REGION}; nothing to do when the account has no open run needing it. */
    void run(String instance) {
        int slash = instance.indexOf('/');
        String account = instance.substring(0, slash);
        String region = instance.substring(slash + 1);
        Optional<Run> open = store.runs().openRun(account);
        if (open.isEmpty() || !open.get().regions().contains(region)) {
            return;
        }
        String runId = open.get().id();
        try {
            if (store.runs().startRegion(runId, region, node)) {
                scan(runId, account, region);
            }
            notifier.close(runId);
        } catch (StoreException e) {
            if (!e.unavailable()) {
                throw e;
            }
            failRunWhenStoreReturns(runId, region, e);
        }
    }

    /** Collects, evaluates and commits one region (the commit is the job's only write). */
    void scan(String runId, String account, String region) {
        Optional<AccountConfig> configured = config.account(account);
        if (configured.isEmpty()) {
            store.runs().failRegion(runId, region, "account " + account + " is no longer in the config");
            return;
        }
        commit(store, runId, configured.get(), region, rules(configured.get(), catalog), access);
    }

    /**
     * One region of a run, end to end: connects (through the account's role), collects only that region, evaluates
     * the rules and commits the region with its checks and its API calls. A role that cannot be assumed is a fault
     * of the region (its checks stay as they were), never an exception.
     */
    static void commit(Store store, String runId, AccountConfig account, String region, List<RuleDefinition> rules,
                       AwsAccess access) {
        CallStats stats = new CallStats();
        Inventory inventory;
        try (AccountConnection connection = AccountConnection.open(access.options(account, List.of(region)),
                account.roleArn(), account.externalId(), region, stats)) {
            inventory = new LiveScanner(connection.connection()).collectRegion(account.id(), region, rules);
        } catch (AwsAccessException e) {
            inventory = new Inventory();
            inventory.fault(new Fault(new Origin.Live(account.id(), region), kinds(rules), "sts:AssumeRole",
                    e.getMessage()));
        }
        ScanResult result = Engine.evaluate(account.id(), rules, inventory);
        long calls = stats.snapshot().values().stream().mapToLong(CallStats.Count::calls).sum();
        store.runs().commitRegion(runId, new Scope(account.id(), region, rules.stream().map(RuleDefinition::meta).toList()),
                result.checkList(), inventory.faults(), calls);
    }

    /** The account's rules, configured as its {@code rules:} says. */
    static List<RuleDefinition> rules(AccountConfig account, Catalog catalog) {
        return catalog.configure(account.rules());
    }

    private static Set<Class<? extends Resource>> kinds(List<RuleDefinition> rules) {
        Set<Class<? extends Resource>> kinds = new HashSet<>();
        rules.forEach(r -> kinds.addAll(r.meta().reads()));
        return kinds;
    }

    /**
     * The database went away during the job: its region was not written (the transaction rolled back). The run
     * is marked failed as soon as the database answers again, so that it is retried after
     * {@code retryFailedAfter}. If it does not come back while this job may wait, the job fails and db-scheduler
     * runs it again later.
     */
    private void failRunWhenStoreReturns(String runId, String region, StoreException lost) {
        log.accept("run " + runId + ": " + lost.getMessage() + " while scanning " + region
                + "; nothing of the region was written");
        Instant deadline = Instant.now().plus(config.cluster().heartbeat().multipliedBy(config.cluster().missedHeartbeats()));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (store.runs().end(runId, Run.Outcome.FAILED, "lost the database while scanning " + region)) {
                    log.accept("run " + runId + " failed: the database was lost while scanning " + region
                            + "; retried after " + config.retryFailedAfter().toSeconds() + " s");
                }
                return;
            } catch (StoreException stillDown) {
                if (!stillDown.unavailable()) {
                    throw stillDown;
                }
                sleep(Duration.ofMillis(500));
            }
        }
        throw lost;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
    }
}
