package dev.vigil.service;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.vigil.core.rule.Catalog;
import dev.vigil.notify.Channel;
import dev.vigil.notify.ChannelConfig;
import dev.vigil.store.Run;
import dev.vigil.store.Runs;
import dev.vigil.store.Store;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code vigil serve}: the store, db-scheduler on the store's database, and the plugins (the HTTP API). Three kinds
 * of task run on whichever node of the cluster picks them up:
 * <ul>
 *   <li>{@code plan} (recurring): creates the runs that are due and makes sure every queued job, closed run and
 *       pending delivery has its task (a node that died between two steps leaves nothing behind);</li>
 *   <li>{@code scan} (one-time, instance {@code ACCOUNT/REGION}): one region of the account's open run,
 *       see {@link RegionJob};</li>
 *   <li>{@code deliver} (one-time, instance {@code RUN/CHANNEL}): one digest to one channel, retried with
 *       exponential backoff, see {@link Notifier}.</li>
 * </ul>
 * A node killed mid-job stops its heartbeats; after {@code missedHeartbeats} another node (or this one restarted)
 * runs the job again, and the store's commit per region makes the redo idempotent.
 */
public final class Service implements AutoCloseable {

    static final String SCAN = "scan";
    static final String DELIVER = "deliver";
    static final String PLAN = "plan";

    private final ServiceConfig config;
    private final Store store;
    private final Catalog catalog;
    private final String node;
    private final Consumer<String> log;
    private final List<ServicePlugin> plugins;
    private final List<ServicePlugin> started = new ArrayList<>();
    private final Planner planner;
    private final RegionJob jobs;
    private final Scheduler scheduler;

    /**
     * @param channels makes the configured channels (created here, once)
     * @param access   how jobs reach AWS (real pacing, or an emulator's)
     * @param log      one line per event worth telling (runs started and closed, deliveries, faults)
     */
    public Service(ServiceConfig config, Store store, Catalog catalog, ChannelMaker channels, AwsAccess access,
                   List<ServicePlugin> plugins, Consumer<String> log) {
        this.config = config;
        this.store = store;
        this.catalog = catalog;
        this.node = config.cluster().node() != null ? config.cluster().node() : defaultNode();
        this.log = log;
        this.plugins = List.copyOf(plugins);
        Map<String, Channel> byName = new LinkedHashMap<>();
        for (ChannelConfig c : config.channels()) {
            byName.put(c.name(), channels.create(c));
        }
        Notifier notifier = new Notifier(store, catalog, byName, config, node, log);
        OneTimeTask<String> scan = Tasks.oneTime(SCAN, String.class)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(config.cluster().heartbeat(), 2.0))
                .execute((instance, context) -> jobs().run(instance.getId()));
        OneTimeTask<String> deliver = Tasks.oneTime(DELIVER, String.class)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(config.delivery().firstRetry(), 2.0))
                .execute((instance, context) -> notifier.deliver(instance.getId()));
        RegionJob jobs = new RegionJob(config, store, catalog, access, node, notifier, log);
        this.planner = new Planner(config, store, catalog, access, scan, notifier, this::client, log);
        notifier.deliverWith(deliver, this::client);
        RecurringTask<Void> plan = Tasks.recurring(PLAN, FixedDelay.of(config.cluster().planEvery()))
                .execute((instance, context) -> planner.plan());
        this.jobs = jobs;
        this.scheduler = Scheduler.create(store.dataSource(), List.of(scan, deliver))
                .startTasks(plan)
                .schedulerName(new SchedulerName.Fixed(node))
                .threads(config.cluster().threads())
                .pollingInterval(config.cluster().pollingInterval())
                .heartbeatInterval(config.cluster().heartbeat())
                .missedHeartbeatsLimit(config.cluster().missedHeartbeats())
                .shutdownMaxWait(config.cluster().shutdownWait())
                .enableImmediateExecution()
                .build();
    }

    private RegionJob jobs() {
        return jobs;
    }

    private Scheduler client() {
        return scheduler;
    }

    /** Starts the scheduler, then the plugins. */
    public void start() throws Exception {
        scheduler.start();
        log.accept("node " + node + " started: " + config.accounts().size() + " account(s), "
                + config.channels().size() + " channel(s), store " + store.location());
        for (ServicePlugin plugin : plugins) {
            plugin.start(this);
            started.add(plugin);
        }
    }

    /**
     * Scans an account now, or joins the run already going for it (queued or running: {@code created} false), and
     * returns that run.
     *
     * @throws IllegalArgumentException the account is not in the config
     */
    public Runs.Created scanNow(String accountId) {
        AccountConfig account = config.account(accountId).orElseThrow(() -> new IllegalArgumentException(
                "account " + accountId + " is not in the config"));
        return planner.start(account, Run.Trigger.ON_DEMAND, Instant.now());
    }

    /**
     * When the account's next scheduled run is due (in the past when it is due now and waits for the next planning
     * round), from its last run as the planner decides it.
     *
     * @throws IllegalArgumentException the account is not in the config
     */
    public Instant nextRun(String accountId) {
        AccountConfig account = config.account(accountId).orElseThrow(() -> new IllegalArgumentException(
                "account " + accountId + " is not in the config"));
        Instant next = planner.nextRun(account, store.runs().last(accountId));
        return next.equals(Instant.EPOCH) ? Instant.now() : next;
    }

    public Store store() {
        return store;
    }

    public Catalog catalog() {
        return catalog;
    }

    public ServiceConfig config() {
        return config;
    }

    public String node() {
        return node;
    }

    /**
     * Stops the plugins, then the scheduler: running jobs get {@code shutdownWait} to finish; a job still running
     * then is left to be taken over (by another node, or this one when it starts again), its region unwritten.
     */
    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).stop();
        }
        started.clear();
        scheduler.stop();
        log.accept("node " + node + " stopped");
    }

    private static String defaultNode() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
    }
}
