package dev.vigil.realtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.aws.AwsConnection;
import dev.vigil.aws.AwsOptions;
import dev.vigil.aws.RateLimits;
import dev.vigil.aws.collect.Faults;
import dev.vigil.service.ServiceConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * One SQS queue: long polling (20 s, 10 messages a call, {@link #RECEIVERS} at once), every received message held (its visibility extended
 * while its re-check is worked on) until it is deleted (the store committed the re-check that covers it), released
 * (it comes back when its visibility lapses, to be tried again) or moved to the dead-letter queue that the queue's
 * RedrivePolicy names (sent there with the reason as the {@code vigil-reason} attribute, then deleted).
 */
final class QueueConsumer implements AutoCloseable {

    /** Told of each message received. */
    @FunctionalInterface
    interface Handler {
        void received(QueueConsumer queue, Message message);
    }

    static final String REASON = "vigil-reason";
    /** No more messages are received while this many are held (SQS allows 120,000 in flight). */
    static final int MAX_HELD = 20_000;
    /** Long polls at once: one returns at most 10 messages, so a burst is received this many times faster. */
    static final int RECEIVERS = 4;
    /** Batch calls at once when many held messages are deleted or extended together (10 messages a call). */
    static final int PARALLEL_BATCHES = 32;
    /** How often the held messages' visibility is looked at. */
    static final Duration KEEP_EVERY = Duration.ofSeconds(1);
    /** SQS hides a message for at most 12 hours. */
    static final Duration MAX_VISIBILITY = Duration.ofHours(12).minusSeconds(1);
    private static final int BATCH = 10;
    private static final int WAIT_SECONDS = 20;
    /**
     * A long poll answers only after up to {@link #WAIT_SECONDS} when the queue is empty, by design: an attempt is
     * stuck only when silent beyond that and the margin any call gets.
     */
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(WAIT_SECONDS)
            .plus(AwsOptions.DEFAULT_ATTEMPT_TIMEOUT);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A message received and not yet deleted or released. */
    private record Held(String receipt, Instant visibleUntil) {
    }

    private final String url;
    private final String deadLetterUrl;
    private final Duration visibility;
    private final AwsConnection connection;
    private final SqsClient sqs;
    private final Consumer<String> log;
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private volatile boolean closed;
    /** How long the last round of visibility extensions took. */
    private volatile Duration lastRound = Duration.ZERO;
    /** When a receive last came back full: more messages were waiting (a backlog is being drained). */
    private volatile Instant lastFull = Instant.EPOCH;
    private final List<Thread> pollers = new ArrayList<>();

    private QueueConsumer(String url, String deadLetterUrl, Duration visibility, AwsConnection connection,
                          SqsClient sqs, Consumer<String> log) {
        this.url = url;
        this.deadLetterUrl = deadLetterUrl;
        this.visibility = visibility;
        this.connection = connection;
        this.sqs = sqs;
        this.log = log;
    }

    /**
     * Connects to the queue and finds its dead-letter queue.
     *
     * @throws IllegalStateException the queue cannot be read, or has no RedrivePolicy (one line saying which)
     */
    static QueueConsumer open(ServiceConfig.Realtime.Queue queue, Duration visibility,
                              AwsCredentialsProvider credentials, Consumer<String> log) {
        // SQS has no low request limit: the scanner's default pacing would slow deletes and visibility changes
        AwsOptions options = new AwsOptions(null, List.of(queue.region()), queue.endpointUrl(), credentials,
                RateLimits.aws().with("sqs:*", new RateLimits.Rate(1000, 1000)), ATTEMPT_TIMEOUT);
        AwsConnection connection = new AwsConnection(options);
        SqsClient sqs = connection.client(SqsClient::builder, queue.region());
        try {
            String policy = sqs.getQueueAttributes(r -> r.queueUrl(queue.url())
                    .attributeNames(QueueAttributeName.REDRIVE_POLICY)).attributes().get(QueueAttributeName.REDRIVE_POLICY);
            if (policy == null || policy.isBlank()) {
                throw new IllegalStateException("realtime: queue " + queue.url() + " has no RedrivePolicy: Vigil moves "
                        + "messages it cannot use to the queue's dead-letter queue (vigil realtime setup creates both)");
            }
            String[] arn = JSON.readTree(policy).path("deadLetterTargetArn").asText("").split(":");
            if (arn.length != 6) {
                throw new IllegalStateException("realtime: queue " + queue.url()
                        + " has a RedrivePolicy without a deadLetterTargetArn");
            }
            String deadLetterUrl = sqs.getQueueUrl(r -> r.queueName(arn[5]).queueOwnerAWSAccountId(arn[4])).queueUrl();
            return new QueueConsumer(queue.url(), deadLetterUrl, visibility, connection, sqs, log);
        } catch (SdkException e) {
            connection.close();
            throw new IllegalStateException("realtime: cannot read queue " + queue.url() + ": " + Faults.describe(e), e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            connection.close();
            throw new IllegalStateException("realtime: queue " + queue.url() + " has a RedrivePolicy that is not JSON");
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    String url() {
        return url;
    }

    /**
     * Starts receiving on threads of its own; each message goes to {@code handler}, held until it is settled, its
     * visibility extended meanwhile by a thread of its own.
     */
    void start(Handler handler) {
        String name = "vigil-sqs-" + url.substring(url.lastIndexOf('/') + 1);
        for (int i = 0; i < RECEIVERS; i++) {
            pollers.add(Thread.ofVirtual().name(name + "-" + i).start(() -> poll(handler)));
        }
        pollers.add(Thread.ofVirtual().name(name + "-keeper").start(this::keep));
    }

    private void keep() {
        String lastProblem = null;
        while (!closed) {
            try {
                extendDue();
                lastProblem = null;
            } catch (SdkException e) {
                String problem = Faults.describe(e);
                if (!closed && !problem.equals(lastProblem)) {
                    log.accept("realtime: cannot extend the visibility of messages of " + url + ": " + problem
                            + "; trying again");
                    lastProblem = problem;
                }
            }
            pause(KEEP_EVERY);
        }
    }

    private void poll(Handler handler) {
        Duration backoff = Duration.ofSeconds(1);
        String lastProblem = null;
        while (!closed) {
            if (held.size() >= MAX_HELD) {
                pause(Duration.ofMillis(200));
                continue;
            }
            Instant asked = Instant.now();
            List<Message> messages;
            try {
                messages = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(BATCH).waitTimeSeconds(WAIT_SECONDS)
                        .visibilityTimeout((int) visibility.toSeconds())).messages();
                backoff = Duration.ofSeconds(1);
                lastProblem = null;
                if (messages.size() == BATCH) {
                    lastFull = Instant.now();
                }
            } catch (SdkException e) {
                if (closed) {
                    return;
                }
                String problem = Faults.describe(e);
                if (!problem.equals(lastProblem)) {
                    log.accept("realtime: cannot receive from " + url + ": " + problem + "; trying again");
                    lastProblem = problem;
                }
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30)
                        : backoff.multipliedBy(2);
                continue;
            }
            for (Message m : messages) {
                held.put(m.messageId(), new Held(m.receiptHandle(), asked.plus(visibility)));
                try {
                    handler.received(this, m);
                } catch (RuntimeException e) {
                    // the message comes back when its visibility lapses, and is tried again
                    held.remove(m.messageId());
                    log.accept("realtime: message " + m.messageId() + " could not be handled: " + Faults.describe(e));
                }
            }
        }
    }

    private void pause(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    /** Whether a backlog is being received: a receive came back full within the last second. */
    boolean draining(Instant now) {
        return lastFull.isAfter(now.minusSeconds(1));
    }

    /** Deletes the messages (their re-check is committed); from then on they are no longer held. */
    void delete(Collection<String> messageIds) {
        Map<String, String> receipts = take(messageIds);
        forBatches(List.copyOf(receipts.keySet()), "delete", batch -> sqs.deleteMessageBatch(r -> r.queueUrl(url)
                .entries(batch.stream().map(id -> DeleteMessageBatchRequestEntry.builder().id(entryId(id))
                        .receiptHandle(receipts.get(id)).build()).toList())).failed());
    }

    /** Stops holding the messages: they come back when their visibility lapses, and are tried again then. */
    void release(Collection<String> messageIds) {
        messageIds.forEach(held::remove);
    }

    /** Makes the messages visible again at once, for another consumer (this one is stopping). */
    void releaseNow(Collection<String> messageIds) {
        changeVisibility(take(messageIds), 0);
    }

    /**
     * Extends the visibility of every held message that has less than half of it left, or less than twice what the
     * last round of extensions took: with thousands held (a burst) a round takes seconds, and no message may lapse
     * while it waits for its turn. The extension is the visibility, or four rounds when that is longer.
     */
    private void extendDue() {
        Instant start = Instant.now();
        Duration round = lastRound;
        Duration lead = max(visibility.dividedBy(2), round.multipliedBy(2));
        Duration extension = max(visibility, round.multipliedBy(4));
        if (extension.compareTo(MAX_VISIBILITY) > 0) {
            extension = MAX_VISIBILITY;
        }
        Instant soon = start.plus(lead);
        Map<String, String> due = new java.util.HashMap<>();
        held.forEach((id, h) -> {
            if (h.visibleUntil().isBefore(soon)) {
                due.put(id, h.receipt());
            }
        });
        if (due.isEmpty()) {
            return;
        }
        Instant until = start.plus(extension);
        changeVisibility(due, (int) extension.toSeconds());
        due.keySet().forEach(id -> held.computeIfPresent(id, (k, h) -> new Held(h.receipt(), until)));
        lastRound = Duration.between(start, Instant.now());
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The receipts of these held messages, which are no longer held. */
    private Map<String, String> take(Collection<String> messageIds) {
        Map<String, String> receipts = new java.util.HashMap<>();
        for (String id : messageIds) {
            Held h = held.remove(id);
            if (h != null) {
                receipts.put(id, h.receipt());
            }
        }
        return receipts;
    }

    private void changeVisibility(Map<String, String> receipts, int seconds) {
        forBatches(List.copyOf(receipts.keySet()), "change the visibility of", batch -> sqs.changeMessageVisibilityBatch(
                r -> r.queueUrl(url).entries(batch.stream().map(id -> ChangeMessageVisibilityBatchRequestEntry.builder()
                        .id(entryId(id)).receiptHandle(receipts.get(id)).visibilityTimeout(seconds).build()).toList()))
                .failed());
    }

    /** Sends the message to the dead-letter queue with the reason, deletes it here, and says so in one line. */
    void deadLetter(Message message, String reason) {
        sqs.sendMessage(r -> r.queueUrl(deadLetterUrl).messageBody(message.body()).messageAttributes(Map.of(REASON,
                MessageAttributeValue.builder().dataType("String").stringValue(reason).build())));
        delete(List.of(message.messageId()));
        log.accept("realtime: message " + message.messageId() + " moved to the dead-letter queue: " + reason);
    }

    /**
     * One batch call per 10 messages, {@link #PARALLEL_BATCHES} at once; the entries SQS refused are told in one
     * line (how many, and the first's error code), and the first call that failed is thrown after all ran.
     */
    private void forBatches(List<String> ids, String what, Function<List<String>, List<BatchResultErrorEntry>> call) {
        List<BatchResultErrorEntry> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
        Semaphore slots = new Semaphore(PARALLEL_BATCHES);
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < ids.size(); i += BATCH) {
                List<String> batch = ids.subList(i, Math.min(ids.size(), i + BATCH));
                done.add(pool.submit(() -> {
                    slots.acquireUninterruptibly();
                    try {
                        refused.addAll(call.apply(batch));
                    } finally {
                        slots.release();
                    }
                }));
            }
        }
        if (!refused.isEmpty()) {
            log.accept("realtime: could not " + what + " " + refused.size() + " message(s) of " + url + ": "
                    + refused.getFirst().code());
        }
        for (Future<?> f : done) {
            if (f.state() == Future.State.FAILED && f.exceptionNow() instanceof RuntimeException e) {
                throw e;
            }
        }
    }

    /** Batch entry IDs allow letters, digits, hyphens and underscores only; message IDs are UUIDs. */
    private static String entryId(String messageId) {
        return messageId.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** Stops receiving (a long poll in progress is cut short); what is held can still be settled. */
    void stopReceiving() {
        closed = true;
        pollers.forEach(Thread::interrupt);
        for (Thread poller : pollers) {
            try {
                poller.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stopReceiving();
        connection.close();
    }
}
