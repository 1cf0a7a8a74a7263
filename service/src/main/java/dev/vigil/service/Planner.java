package dev.vigil.service;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import dev.vigil.aws.AccountConnection;
import dev.vigil.aws.CallStats;
import dev.vigil.aws.LiveScanner;
import dev.vigil.aws.MultiAccountScanner;
import dev.vigil.core.rule.Catalog;
import dev.vigil.store.Run;
import dev.vigil.store.RunRegion;
import dev.vigil.store.Runs;
import dev.vigil.store.Store;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Decides which accounts are due and opens their runs: an account is due when its last run started a
 * {@code schedule} ago, or failed {@code retryFailedAfter} ago. Run by the recurring {@code plan} task, which
 * db-scheduler executes on one node at a time, and by on-demand scans.
 */
final class Planner {

    /** Where an account's region list is asked for when the config does not name its regions. */
    private static final String STS_REGION = "us-east-1";

    private final ServiceConfig config;
    private final Store store;
    private final Catalog catalog;
    private final AwsAccess access;
    private final OneTimeTask<String> scan;
    private final Notifier notifier;
    private final Supplier<? extends SchedulerClient> scheduler;
    private final Consumer<String> log;

    Planner(ServiceConfig config, Store store, Catalog catalog, AwsAccess access, OneTimeTask<String> scan,
            Notifier notifier, Supplier<? extends SchedulerClient> scheduler,
            Consumer<String> log) {
        this.config = config;
        this.store = store;
        this.catalog = catalog;
        this.access = access;
        this.scan = scan;
        this.notifier = notifier;
        this.scheduler = scheduler;
        this.log = log;
    }

    /** One planning round: due runs opened, and every step a dead node left half-done picked up again. */
    void plan() {
        Instant now = Instant.now();
        for (AccountConfig account : config.accounts()) {
            Optional<Run> last = store.runs().last(account.id());
            if (last.isPresent() && last.get().outcome() == Run.Outcome.RUNNING) {
                schedulePending(last.get());
            } else if (due(account, last, now)) {
                start(account, Run.Trigger.SCHEDULE, now);
            }
        }
        store.runs().unnotified().forEach(notifier::notifyClosed);
        notifier.schedulePending();
    }

    private boolean due(AccountConfig account, Optional<Run> last, Instant now) {
        return !nextRun(account, last).isAfter(now);
    }

    /**
     * When the account is due: its last run's start plus its schedule, or sooner, {@code retryFailedAfter} after a
     * failed run ends; at once when it has never run. A run still going is not due again until its schedule says.
     */
    Instant nextRun(AccountConfig account, Optional<Run> last) {
        if (last.isEmpty()) {
            return Instant.EPOCH;
        }
        Run run = last.get();
        Instant scheduled = run.started().plus(account.schedule());
        boolean failed = run.outcome() == Run.Outcome.FAILED || run.outcome() == Run.Outcome.ABANDONED;
        if (failed && run.finished() != null) {
            Instant retry = run.finished().plus(config.retryFailedAfter());
            return retry.isBefore(scheduled) ? retry : scheduled;
        }
        return scheduled;
    }

    /** Opens a run of the account (or joins its open one: {@code created} false) and queues a job per region. */
    Runs.Created start(AccountConfig account, Run.Trigger trigger, Instant now) {
        List<String> rules = RegionJob.rules(account, catalog).stream().map(r -> r.meta().id()).toList();
        Optional<Run> open = store.runs().openRun(account.id());
        if (open.isPresent()) {
            return new Runs.Created(open.get(), false);
        }
        List<String> regions;
        try {
            regions = regions(account);
        } catch (RuntimeException e) {
            Run failed = store.runs().create(new Runs.NewRun(account.id(), account.label(), trigger,
                    List.of(MultiAccountScanner.ACCOUNT_SCOPE), rules)).run();
            store.runs().end(failed.id(), Run.Outcome.FAILED, "cannot list the account's regions: " + e.getMessage());
            log.accept("run " + failed.id() + " of " + account.label() + " failed: cannot list its regions: "
                    + e.getMessage());
            return new Runs.Created(store.runs().get(failed.id()).orElseThrow(), true);
        }
        Runs.Created created = store.runs().create(new Runs.NewRun(account.id(), account.label(), trigger, regions, rules));
        if (created.created()) {
            log.accept("run " + created.run().id() + " of " + account.label() + " (" + account.id() + ") started by "
                    + trigger.label() + ": " + String.join(", ", regions));
        }
        schedulePending(created.run());
        return created;
    }

    /** Queues a job for every region of the run not yet started (an existing job for the region is kept). */
    private void schedulePending(Run run) {
        for (RunRegion job : run.jobs()) {
            if (job.state() == RunRegion.State.PENDING || job.state() == RunRegion.State.RUNNING) {
                scheduler.get().scheduleIfNotExists(scan.instance(run.accountId() + "/" + job.region(), run.id()),
                        Instant.now());
            }
        }
    }

    private List<String> regions(AccountConfig account) {
        if (!account.regions().isEmpty()) {
            return account.regions();
        }
        try (AccountConnection connection = AccountConnection.open(access.options(account, List.of()), account.roleArn(),
                account.externalId(), STS_REGION, new CallStats())) {
            return new LiveScanner(connection.connection()).regions();
        }
    }

}
