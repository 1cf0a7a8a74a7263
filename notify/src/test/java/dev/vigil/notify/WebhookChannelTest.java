package dev.vigil.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookChannelTest {

    private static final String SECRET = "s3cr3t-shared-key";
    private static final String TOKEN = "Bearer tok-0123456789";

    /** The exact bytes posted for {@link Digests#sample()}. */
    private static byte[] sampleBody() throws Exception {
        try (var in = WebhookChannelTest.class.getResourceAsStream("webhook-sample.json")) {
            return in.readAllBytes();
        }
    }

    private static Channel webhook(Receiver receiver) throws InvalidChannelException {
        return ChannelFactory.create(Digests.config("ops-hook", "webhook", Map.of("url",
                receiver.url("/hooks/vigil?token=q-secret"), "secret", SECRET,
                "headers", Map.of("Authorization", TOKEN, "X-Team", "platform"))));
    }

    /** HMAC-SHA256 computed here, independently of the channel's code. */
    private static String hmac(String key, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void postsTheDigestAsJsonSignedWithTheSharedSecretAndTheCustomHeaders() throws Exception {
        try (Receiver receiver = new Receiver()) {
            webhook(receiver).send(Digests.sample());

            assertThat(receiver.requests()).hasSize(1);
            Receiver.Request request = receiver.requests().get(0);
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/hooks/vigil?token=q-secret");
            assertThat(request.text()).isEqualTo(new String(sampleBody(), StandardCharsets.UTF_8));
            assertThat(request.body()).isEqualTo(sampleBody());
            assertThat(request.headers().getFirst("X-Vigil-Signature")).isEqualTo(hmac(SECRET, request.body()))
                    .matches("[0-9a-f]{64}");
            assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/json; charset=utf-8");
            assertThat(request.headers().getFirst("Authorization")).isEqualTo(TOKEN);
            assertThat(request.headers().getFirst("X-Team")).isEqualTo("platform");
        }
    }

    @Test
    void theSignatureIsHmacSha256InLowerCaseHex() {
        // RFC 4231, test case 2
        assertThat(WebhookChannel.sign("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void everyValueSurvivesJsonEscapingExactly() throws Exception {
        try (Receiver receiver = new Receiver()) {
            webhook(receiver).send(Digests.sample());
            JsonNode doc = new ObjectMapper().readTree(receiver.requests().get(0).body());
            JsonNode top = doc.path("newFailures").path("items").get(0);
            assertThat(top.path("risk").asText()).isEqualTo("HIGH");
            assertThat(top.path("message").asText()).isEqualTo(Digests.HOSTILE);
            assertThat(top.path("resource").asText()).isEqualTo(Digests.TABLE_ARN + "<script>");
            assertThat(doc.path("newFailures").path("byRisk").path("HIGH").asInt()).isEqualTo(1);
            assertThat(doc.path("stillFailing").path("byRisk").path("HIGH").asInt()).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @CsvSource({"500, true", "503, true", "429, true", "404, false", "400, false", "301, false"})
    void aFailingAnswerBecomesADeliveryErrorThatSaysWhetherToRetry(int status, boolean retryable) throws Exception {
        try (Receiver receiver = new Receiver()) {
            receiver.answer(status, "refused: " + SECRET + " for " + receiver.url("/hooks/vigil") + "\nmore");
            assertThatThrownBy(() -> webhook(receiver).send(Digests.sample()))
                    .isInstanceOfSatisfying(DeliveryException.class, e -> {
                        assertThat(e.retryable()).isEqualTo(retryable);
                        assertThat(e.getMessage()).startsWith("the webhook endpoint answered HTTP " + status + ": refused: ")
                                .doesNotContain(SECRET, "/hooks/vigil", "q-secret", TOKEN, "\n", "more");
                    });
        }
    }

    @Test
    void anUnreachableEndpointIsRetryableAndNotNamed() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/hooks/vigil";
        Channel channel = ChannelFactory.create(Digests.config("ops-hook", "webhook", Map.of("url", url,
                "secret", SECRET)));
        assertThatThrownBy(() -> channel.send(Digests.sample())).isInstanceOfSatisfying(DeliveryException.class, e -> {
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage())
                    .isEqualTo("cannot reach the webhook endpoint: ConnectException");
        });
        assertThat(channel.toString()).isEqualTo("webhook channel 'ops-hook'");
    }
}
