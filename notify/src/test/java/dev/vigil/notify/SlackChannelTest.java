package dev.vigil.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackChannelTest {

    private static final String HOOK_PATH = "/services/T000/B000/XXXXXXXXXXXXXXXXXXXXXXXX";

    private static JsonNode post(Receiver receiver, Digest digest, Map<String, Object> extra) throws Exception {
        Map<String, Object> settings = new java.util.HashMap<>(extra);
        settings.put("url", receiver.url(HOOK_PATH));
        ChannelFactory.create(Digests.config("ops-slack", "slack", settings)).send(digest);
        assertThat(receiver.requests()).hasSize(1);
        assertThat(receiver.requests().get(0).path()).isEqualTo(HOOK_PATH);
        return new ObjectMapper().readTree(receiver.requests().get(0).body());
    }

    private static List<String> mrkdwn(JsonNode message) {
        List<String> texts = new ArrayList<>();
        message.path("blocks").forEach(b -> {
            if (b.has("text")) {
                texts.add(b.path("text").path("text").asText());
            }
            b.path("elements").forEach(e -> texts.add(e.path("text").asText()));
        });
        return texts;
    }

    @Test
    void oneMessageWithTextBlocksCountsAndTopItemsHighestRiskFirst() throws Exception {
        try (Receiver receiver = new Receiver()) {
            JsonNode message = post(receiver, Digests.sample(), Map.of());
            assertThat(message.path("text").asText())
                    .isEqualTo("Vigil: 2 new failures, 1 resolved check in production (111122223333)");
            List<String> texts = mrkdwn(message);
            assertThat(texts.get(0)).isEqualTo("*Vigil: 2 new failures, 1 resolved check in production (111122223333)*\n"
                    + "Run run-42 succeeded in us-east-1, eu-west-1, finished 2026-03-01T12:03:00Z");
            assertThat(texts.get(1)).startsWith("*New failures: 2* (HIGH 1, LOW 1)\n• *HIGH* `DynamoDB-003` eu-west-1 ")
                    .contains("\n• *LOW* `Backup-001` us-east-1 `arn:aws:rds:us-east-1:111122223333:db:orders`\n"
                            + "      RDS instance is not protected by AWS Backup");
            assertThat(texts.get(1).indexOf("*HIGH*")).isLessThan(texts.get(1).indexOf("*LOW*"));
            assertThat(texts.get(2)).isEqualTo("*Resolved: 1* (HIGH 1)\n• *HIGH* `DynamoDB-003` us-east-1 "
                    + "`arn:aws:dynamodb:us-east-1:111122223333:table/orders`\n      Point-in-time recovery is enabled");
            assertThat(texts.get(3)).isEqualTo(
                    "Still failing: HIGH 3, LOW 1 · <https://vigil.example/runs/run-42?tab=diff&amp;x=1|Open in Vigil>");
        }
    }

    @Test
    void valuesFromAwsCannotMentionLinkOrBreakOutOfMrkdwn() throws Exception {
        try (Receiver receiver = new Receiver()) {
            String high = mrkdwn(post(receiver, Digests.sample(), Map.of())).get(1);
            assertThat(high).contains("`arn:aws:dynamodb:eu-west-1:111122223333:table/customers&lt;script&gt;`\n"
                    + "      &lt;!channel&gt; &lt;https://evil.example|click&gt; &amp; \"quoted\" 'x' &lt;b&gt;bold&lt;/b&gt; "
                    + "second line");
            assertThat(high).doesNotContain("<", ">");
        }
    }

    @Test
    void showsTheTopItemsAndHowManyMore() throws Exception {
        try (Receiver receiver = new Receiver()) {
            String section = mrkdwn(post(receiver, Digests.many(60), Map.of("maxItems", 5))).get(1);
            assertThat(section).startsWith("*New failures: 60* (EXTREME 12, VERY_HIGH 12, HIGH 12, MEDIUM 12, LOW 12)")
                    .endsWith("\n_… and 55 more_");
            assertThat(section.split("\n• ", -1)).hasSize(6);
            assertThat(section.split("\n• \\*EXTREME\\*", -1)).hasSize(6);
        }
    }

    @Test
    void slacksRefusalIsNotRetriedAndNeverNamesTheWebhook() throws Exception {
        try (Receiver receiver = new Receiver()) {
            receiver.answer(404, "no_service");
            assertThatThrownBy(() -> post(receiver, Digests.sample(), Map.of()))
                    .isInstanceOfSatisfying(DeliveryException.class, e -> {
                        assertThat(e.retryable()).isFalse();
                        assertThat(e.getMessage()).isEqualTo("Slack answered HTTP 404: no_service");
                    });
        }
    }
}
