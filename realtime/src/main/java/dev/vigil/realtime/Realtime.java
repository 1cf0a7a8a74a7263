package dev.vigil.realtime;

import dev.vigil.aws.collect.Faults;
import dev.vigil.service.AccountConfig;
import dev.vigil.service.Recheck;
import dev.vigil.service.Service;
import dev.vigil.service.ServiceConfig;
import dev.vigil.service.ServicePlugin;
import dev.vigil.store.Run;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Real-time re-checks inside {@code vigil serve}: each configured queue is consumed, each CloudTrail event becomes
 * a re-check of what it makes stale (see {@link EventRouter}), the events of one account and region within the
 * window become one re-check, and that re-check runs as an event run of the service (the region's scan job, the
 * store's lifecycle, the channels). A message is deleted only once the run that covers it has committed cleanly;
 * when the run fails or has ERROR checks its messages are released, come back when their visibility lapses and
 * are re-checked again (after the queue's maxReceiveCount they land in the dead-letter queue, and the scheduled
 * scan remains the safety net). Every node consumes; SQS gives each message to one consumer at a time.
 */
public final class Realtime implements ServicePlugin {

    static final Duration TICK = Duration.ofMillis(100);
    /** How long a busy region waits before its re-check is tried again. */
    static final Duration BUSY_RETRY = Duration.ofMillis(250);

    private final ServiceConfig.Realtime config;
    private final AwsCredentialsProvider credentials;
    private final Consumer<String> log;
    private final EventRouter router = EventRouter.catalog();
    private final Coalescer coalescer;
    private final List<QueueConsumer> queues = new ArrayList<>();
    private final Set<String> ignoredScopes = ConcurrentHashMap.newKeySet();
    private Service service;
    private ScheduledExecutorService ticker;
    private String lastProblem;
    private volatile boolean stopping;

    /**
     * @param credentials the credentials the queues are read with (null: the SDK's default chain)
     * @param log         one line per thing worth telling (poison messages, failed re-checks, faults)
     */
    public Realtime(ServiceConfig.Realtime config, AwsCredentialsProvider credentials, Consumer<String> log) {
        this.config = config;
        this.credentials = credentials;
        this.log = log;
        this.coalescer = new Coalescer(config.window());
    }

    @Override
    public void start(Service service) {
        this.service = service;
        if (config.queues().isEmpty()) {
            return;
        }
        try {
            for (ServiceConfig.Realtime.Queue queue : config.queues()) {
                queues.add(QueueConsumer.open(queue, config.visibility(), credentials, log));
            }
        } catch (RuntimeException e) {
            queues.forEach(QueueConsumer::close);
            throw e;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("vigil-realtime")
                .unstarted(r));
        ticker.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        queues.forEach(q -> q.start(this::received));
        log.accept("realtime: consuming " + queues.size() + " queue(s), window " + config.window().toMillis() + " ms");
    }

    /** One message: a re-check gathered, nothing to do (deleted), or poison (dead-lettered). */
    private void received(QueueConsumer queue, Message message) {
        CloudTrailEvent event;
        Optional<Recheck> recheck;
        try {
            event = CloudTrailEvent.parse(message.body());
            if (event.errorCode() != null) {
                queue.delete(List.of(message.messageId()));   // the call failed: it changed nothing
                return;
            }
            Optional<AccountConfig> account = service.config().account(event.account());
            if (account.isEmpty() || !account.get().regions().isEmpty()
                    && !account.get().regions().contains(event.region())) {
                ignore(queue, message, event, account.isEmpty() ? "the account is not in the config"
                        : "the account's regions are " + String.join(", ", account.get().regions()));
                return;
            }
            recheck = router.route(event, service.rules(event.account()));
        } catch (PoisonMessage poison) {
            queue.deadLetter(message, poison.reason());
            return;
        }
        if (recheck.isEmpty()) {
            queue.delete(List.of(message.messageId()));   // no rule of the account reads what it changed
            return;
        }
        coalescer.add(recheck.get(), new Coalescer.MessageRef(queue, message.messageId()), Instant.now());
    }

    /** An event of an account or region the config does not monitor: deleted; said once per account and region. */
    private void ignore(QueueConsumer queue, Message message, CloudTrailEvent event, String why) {
        queue.delete(List.of(message.messageId()));
        if (ignoredScopes.add(event.account() + "/" + event.region())) {
            log.accept("realtime: events of account " + event.account() + " in " + event.region() + " are ignored ("
                    + why + "); later ones without a line");
        }
    }

    private void tick() {
        try {
            Instant now = Instant.now();
            boolean draining = queues.stream().anyMatch(q -> q.draining(now));
            for (Coalescer.Pending p : coalescer.takeDue(now, draining)) {
                Optional<Run> run;
                try {
                    run = service.recheck(p.recheck());
                } catch (RuntimeException e) {
                    coalescer.putBack(p, now.plus(Duration.ofSeconds(1)));
                    throw e;
                }
                if (run.isPresent()) {
                    coalescer.started(run.get().id(), p);
                    log.accept("realtime: re-check run " + run.get().id() + " of " + p.recheck().accountId() + "/"
                            + p.recheck().region() + " for " + p.messages().size() + " event(s): "
                            + describe(p.recheck()));
                } else {
                    coalescer.putBack(p, now.plus(BUSY_RETRY));
                }
            }
            coalescer.inFlight().forEach(this::settle);
            lastProblem = null;
        } catch (RuntimeException e) {
            if (stopping) {
                return;   // interrupted by stop(): nothing is lost, what is held comes back to the queue
            }
            // the store or a queue is unreachable: what is held stays held (or lapses), and is tried again
            String problem = e instanceof SdkException ? Faults.describe(e) : String.valueOf(e.getMessage()).lines()
                    .findFirst().orElse("");
            if (!problem.equals(lastProblem)) {
                log.accept("realtime: " + problem + "; trying again");
                lastProblem = problem;
            }
        }
    }

    /** What a re-check covers, for its log line: per rule, how many resources, or its region. */
    private static String describe(Recheck r) {
        return r.rules().stream().sorted().map(rule -> rule + (r.resources().containsKey(rule)
                ? " (" + r.resources().get(rule).size() + " resource(s))" : " (the region)"))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** A started re-check whose run has closed: its messages are deleted, or released to be tried again. */
    private void settle(String runId, Coalescer.Pending p) {
        Optional<Run> run = service.store().runs().get(runId);
        if (run.isPresent() && run.get().outcome() == Run.Outcome.RUNNING) {
            return;
        }
        Map<QueueConsumer, List<String>> byQueue = new LinkedHashMap<>();
        p.messages().forEach(m -> byQueue.computeIfAbsent(m.queue(), q -> new ArrayList<>()).add(m.messageId()));
        if (run.isPresent() && run.get().outcome() == Run.Outcome.SUCCEEDED) {
            byQueue.forEach(QueueConsumer::delete);
        } else {
            byQueue.forEach(QueueConsumer::release);
            log.accept("realtime: re-check run " + runId + " of " + p.recheck().accountId() + "/" + p.recheck().region()
                    + " ended " + run.map(r -> r.outcome().label()).orElse("missing") + ": its " + p.messages().size()
                    + " event(s) come back when their visibility lapses and are re-checked then");
        }
        coalescer.finished(runId);
    }

    /** Stops receiving; events not yet re-checked are given back to the queue at once, for another node. */
    @Override
    public void stop() {
        stopping = true;
        if (ticker != null) {
            ticker.shutdownNow();
            try {
                ticker.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        queues.forEach(QueueConsumer::stopReceiving);
        Map<QueueConsumer, List<String>> byQueue = new LinkedHashMap<>();
        coalescer.drain().forEach(p -> p.messages().forEach(
                m -> byQueue.computeIfAbsent(m.queue(), q -> new ArrayList<>()).add(m.messageId())));
        byQueue.forEach(QueueConsumer::releaseNow);
        queues.forEach(QueueConsumer::close);
        queues.clear();
    }
}
