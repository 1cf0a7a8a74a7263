package dev.vigil.service;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import dev.vigil.core.rule.Catalog;
import dev.vigil.notify.Channel;
import dev.vigil.notify.DeliveryException;
import dev.vigil.notify.Digest;
import dev.vigil.store.Deliveries;
import dev.vigil.store.Delivery;
import dev.vigil.store.Run;
import dev.vigil.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Tells the channels what a closed run changed: one delivery row per channel whose filter keeps something, each
 * sent by its own {@code deliver} task, so one failing channel never holds up another or a scan. Every attempt is
 * recorded; a retryable failure is tried again with exponential backoff (db-scheduler's failure handler) up to
 * the configured number of attempts; pending deliveries resume after a restart.
 */
final class Notifier {

    private final Store store;
    private final Catalog catalog;
    private final Map<String, Channel> channels;
    private final ServiceConfig config;
    private final String node;
    private final Consumer<String> log;
    private OneTimeTask<String> deliver;
    private Supplier<? extends SchedulerClient> scheduler;

    Notifier(Store store, Catalog catalog, Map<String, Channel> channels, ServiceConfig config, String node,
             Consumer<String> log) {
        this.store = store;
        this.catalog = catalog;
        this.channels = Map.copyOf(channels);
        this.config = config;
        this.node = node;
        this.log = log;
    }

    void deliverWith(OneTimeTask<String> task, Supplier<? extends SchedulerClient> client) {
        this.deliver = task;
        this.scheduler = client;
    }

    /** Closes the run if its last region is in; whoever closes it creates its deliveries. */
    void close(String runId) {
        store.runs().closeIfComplete(runId).ifPresent(run -> {
            log.accept("run " + run.id() + " of " + run.accountName() + " " + run.outcome().label() + " ("
                    + run.apiCalls() + " API calls)" + (run.error() == null ? "" : ": " + run.error()));
            notifyClosed(run.id());
        });
    }

    /** Creates the closed run's deliveries (once) and queues them; without channels there is no digest to read. */
    void notifyClosed(String runId) {
        Optional<Digest> digest = channels.isEmpty() ? Optional.empty() : digest(runId);
        List<Deliveries.Target> targets = new ArrayList<>();
        if (digest.isPresent()) {
            channels.values().forEach(c -> c.filter().narrow(digest.get())
                    .ifPresent(d -> targets.add(new Deliveries.Target(c.name(), c.type()))));
        }
        store.deliveries().createForRun(runId, targets).stream()
                .filter(d -> d.state() == Delivery.State.PENDING).forEach(this::schedule);
    }

    /** Queues every pending delivery that has no task (its node died before queueing it). */
    void schedulePending() {
        store.deliveries().pending().forEach(this::schedule);
    }

    private void schedule(Delivery delivery) {
        scheduler.get().scheduleIfNotExists(deliver.instance(delivery.id(), delivery.runId()), Instant.now());
    }

    /**
     * Sends one delivery and records the attempt. A retryable failure below the attempt limit is thrown on, so
     * that db-scheduler tries again after its backoff; anything else ends the delivery.
     */
    void deliver(String deliveryId) {
        Optional<Delivery> found = store.deliveries().get(deliveryId);
        if (found.isEmpty() || found.get().state() != Delivery.State.PENDING) {
            return;
        }
        Delivery delivery = found.get();
        Channel channel = channels.get(delivery.channel());
        if (channel == null) {
            store.deliveries().recordAttempt(deliveryId, node, Delivery.Outcome.FAILED,
                    "channel " + delivery.channel() + " is no longer in the config");
            return;
        }
        Optional<Digest> digest = digest(delivery.runId()).flatMap(d -> channel.filter().narrow(d));
        if (digest.isEmpty()) {
            store.deliveries().recordAttempt(deliveryId, node, Delivery.Outcome.FAILED, "nothing left to send");
            return;
        }
        try {
            channel.send(digest.get());
            store.deliveries().recordAttempt(deliveryId, node, Delivery.Outcome.SENT, null);
            log.accept("run " + delivery.runId() + " sent to " + channel.name());
        } catch (DeliveryException | RuntimeException e) {
            boolean retryable = !(e instanceof DeliveryException d) || d.retryable();
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            int attempts = delivery.attempts().size() + 1;
            if (retryable && attempts < config.delivery().maxAttempts()) {
                store.deliveries().recordAttempt(deliveryId, node, Delivery.Outcome.RETRY, error);
                throw new RetryLater(channel.name(), error);
            }
            store.deliveries().recordAttempt(deliveryId, node, Delivery.Outcome.FAILED, error);
            log.accept("run " + delivery.runId() + " could not be sent to " + channel.name() + " after " + attempts
                    + " attempt(s): " + error);
        }
    }

    private Optional<Digest> digest(String runId) {
        return store.runs().diff(runId).filter(d -> d.run().outcome() != Run.Outcome.RUNNING)
                .map(d -> Digests.of(d, catalog, config.dashboardUrl()));
    }

    /** A delivery to try again later; db-scheduler's failure handler reschedules it with backoff. */
    static final class RetryLater extends RuntimeException {
        RetryLater(String channel, String error) {
            super(channel + ": " + error, null, false, false);
        }
    }
}
