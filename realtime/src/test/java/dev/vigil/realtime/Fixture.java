package dev.vigil.realtime;

import dev.vigil.aws.AwsConnection;
import dev.vigil.aws.Emulator;
import dev.vigil.core.rule.Catalog;
import dev.vigil.notify.Channel;
import dev.vigil.notify.ChannelFilter;
import dev.vigil.notify.Digest;
import dev.vigil.service.AwsAccess;
import dev.vigil.service.ChannelMaker;
import dev.vigil.service.ConfigLoader;
import dev.vigil.service.ServiceConfig;
import dev.vigil.aws.emulator.Await;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The moto emulator with an account's tables, the queue EventBridge would fill and its dead-letter queue, and the
 * config of a service that consumes it: what the realtime tests share.
 */
final class Fixture implements AutoCloseable {

    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";
    static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
    /** Digests the {@code record} channel was sent. */
    static final List<Digest> SENT = new CopyOnWriteArrayList<>();

    final URI moto;
    final AwsConnection aws;
    final String queueUrl;
    final String deadLetterUrl;

    Fixture() {
        moto = Emulator.fresh().endpoint();
        aws = new AwsConnection(Emulator.options(moto, List.of(REGION)));
        EmulatedQueue queue = EmulatedQueue.create(sqs(), "vigil-events");
        queueUrl = queue.url();
        deadLetterUrl = queue.deadLetterUrl();
        SENT.clear();
    }

    SqsClient sqs() {
        return aws.client(SqsClient::builder, REGION);
    }

    DynamoDbClient dynamo() {
        return aws.client(DynamoDbClient::builder, REGION);
    }

    void post(String... bodies) {
        for (String body : bodies) {
            sqs().sendMessage(r -> r.queueUrl(queueUrl).messageBody(body));
        }
    }

    /** Messages waiting or in flight on a queue. */
    int messages(String url) {
        Map<QueueAttributeName, String> a = sqs().getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    /** What the dead-letter queue holds, with each message's reason. */
    List<Message> deadLetters() {
        return sqs().receiveMessage(r -> r.queueUrl(deadLetterUrl).maxNumberOfMessages(10).messageAttributeNames("All")
                .visibilityTimeout(30)).messages();
    }

    /**
     * The config: the account on {@code accountEndpoint} (moto, or a proxy in front of it) with only DynamoDB-003 on,
     * a {@code record} channel, and the queue with the given window and visibility.
     */
    String yaml(URI accountEndpoint, String window, String visibility, String node) {
        String others = Catalog.load().all().stream().map(r -> r.meta().id()).filter(id -> !id.equals("DynamoDB-003"))
                .map(id -> id + ": { enabled: false }").collect(Collectors.joining(", "));
        return "accounts:\n  - id: \"" + ACCOUNT + "\"\n    name: acct\n    regions: [" + REGION + "]\n"
                + "    endpointUrl: " + accountEndpoint + "\n    schedule: 1d\n    rules: { " + others + " }\n"
                + "channels:\n  - { name: all, type: record }\n"
                + "cluster: { node: " + node + ", heartbeat: 300ms, missedHeartbeats: 4, pollingInterval: 100ms, "
                + "planEvery: 200ms }\n"
                + "realtime:\n  queues:\n    - { url: \"" + queueUrl + "\", region: " + REGION + ", endpointUrl: \"" + moto
                + "\" }\n  window: " + window + "\n  visibility: " + visibility + "\n";
    }

    static ServiceConfig config(String yaml) {
        return new ConfigLoader(Catalog.load(), CHANNELS, System::getenv).parse("test.yaml", yaml);
    }

    static AwsAccess access() {
        return new AwsAccess(CREDENTIALS, dev.vigil.aws.RateLimits.aws());
    }

    /** {@code record} channels keep what they are sent in {@link #SENT}. */
    static final ChannelMaker CHANNELS = config -> new Channel() {
        @Override
        public String name() {
            return config.name();
        }

        @Override
        public String type() {
            return config.type();
        }

        @Override
        public ChannelFilter filter() {
            return config.filter();
        }

        @Override
        public void send(Digest digest) {
            SENT.add(digest);
        }
    };

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        Await.until(what, timeout, condition);
    }

    @Override
    public void close() {
        aws.close();
    }
}
