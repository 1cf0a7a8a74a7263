package dev.vigil.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.aws.Emulator;
import dev.vigil.aws.emulator.MotoServer;
import dev.vigil.core.check.Status;
import dev.vigil.core.rule.Risk;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** On moto: an SQS queue subscribed to the topic receives what the channel publishes. */
class SnsChannelTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void credentials() {
        // the channel uses the SDK's default credentials chain, whose first source is these properties
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
    }

    private static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>> B on(MotoServer moto,
                                                                                                           B builder) {
        return builder.endpointOverride(moto.endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
    }

    private static Channel sns(String topicArn, String endpoint) throws InvalidChannelException {
        return ChannelFactory.create(Digests.config("ops-sns", "sns", Map.of("topicArn", topicArn,
                "endpointUrl", endpoint)));
    }

    @Test
    void anSqsSubscriberReceivesOneMessageWithTheSubjectAndTheWebhooksJsonDocument() throws Exception {
        MotoServer moto = Emulator.fresh();
        try (SnsClient topics = on(moto, SnsClient.builder()).httpClient(UrlConnectionHttpClient.create()).build();
             SqsClient queues = on(moto, SqsClient.builder()).httpClient(UrlConnectionHttpClient.create()).build()) {
            String topic = topics.createTopic(b -> b.name("vigil-alerts")).topicArn();
            String queue = queues.createQueue(b -> b.queueName("vigil-inbox")).queueUrl();
            String queueArn = queues.getQueueAttributes(b -> b.queueUrl(queue)
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
            topics.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueArn));

            sns(topic, moto.endpoint().toString()).send(Digests.sample());

            List<Message> received = queues.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10)).messages();
            assertThat(received).hasSize(1);
            JsonNode envelope = JSON.readTree(received.get(0).body());
            assertThat(envelope.path("TopicArn").asText()).isEqualTo(topic);
            assertThat(envelope.path("Subject").asText())
                    .isEqualTo("Vigil: 2 new failures, 1 resolved check in production (111122223333)");
            try (InputStream sample = getClass().getResourceAsStream("webhook-sample.json")) {
                assertThat(JSON.readTree(envelope.path("Message").asText())).isEqualTo(JSON.readTree(sample));
            }
        }
    }

    @Test
    void emailSubscribersGetTheTextAndSmsTheHeadline() throws Exception {
        SnsChannel channel = (SnsChannel) sns("arn:aws:sns:eu-west-1:111122223333:t", "http://127.0.0.1:1");
        JsonNode structured = JSON.readTree(channel.message(Digests.sample()));
        assertThat(structured.path("email").asText()).isEqualTo(PlainText.render(Overview.of(Digests.sample(), 10)));
        assertThat(structured.path("sms").asText())
                .isEqualTo("Vigil: 2 new failures, 1 resolved check in production (111122223333)");
    }

    @Test
    void aMessageOverSnsLimitListsFewerItemsButKeepsTheCounts() throws Exception {
        String longMessage = "x".repeat(6_000);
        List<Digest.Item> items = IntStream.range(0, 50).mapToObj(i -> Digests.item("DynamoDB-003", Risk.HIGH,
                "us-east-1", "arn:aws:dynamodb:us-east-1:111122223333:table/t" + i, longMessage, Status.FAILURE)).toList();
        Digest big = new Digest("run-9", "111122223333", "Produção", List.of("us-east-1"), Instant.EPOCH, Instant.EPOCH,
                "succeeded", items, List.of(), Map.of(), null);
        SnsChannel channel = (SnsChannel) ChannelFactory.create(Digests.config("ops-sns", "sns",
                Map.of("topicArn", "arn:aws:sns:us-east-1:111122223333:t", "maxItems", 50)));

        String message = channel.message(big);
        assertThat(message.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(SnsChannel.MAX_MESSAGE_BYTES);
        JsonNode doc = JSON.readTree(JSON.readTree(message).path("default").asText());
        assertThat(doc.path("newFailures").path("count").asInt()).isEqualTo(50);
        assertThat(doc.path("newFailures").path("items").size()).isBetween(1, 49);
        assertThat(doc.path("newFailures").path("omitted").asInt())
                .isEqualTo(50 - doc.path("newFailures").path("items").size());
        // SNS subjects are ASCII
        assertThat(SnsChannel.subject(Overview.of(big, 1))).isEqualTo("Vigil: 50 new failures in Produ??o (111122223333)");
    }

    @Test
    void aMissingTopicIsNotRetried() throws Exception {
        MotoServer moto = Emulator.fresh();
        assertThatThrownBy(() -> sns("arn:aws:sns:eu-west-1:123456789012:nowhere", moto.endpoint().toString())
                .send(Digests.sample())).isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).startsWith("SNS Publish failed: NotFound").doesNotContain("\n");
                });
    }

    @Test
    void anUnreachableEndpointIsRetryable() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        assertThatThrownBy(() -> sns("arn:aws:sns:eu-west-1:123456789012:t", "http://127.0.0.1:" + closed)
                .send(Digests.sample())).isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).startsWith("cannot reach SNS: ").doesNotContain("\n");
                });
    }
}
