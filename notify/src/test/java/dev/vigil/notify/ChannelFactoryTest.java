package dev.vigil.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelFactoryTest {

    private static final String SLACK_URL = "https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXXXXXX";

    private static List<String> problems(String type, Map<String, Object> settings) {
        try {
            ChannelFactory.create(Digests.config("ops", type, settings));
        } catch (InvalidChannelException e) {
            assertThat(e.getMessage()).isEqualTo(String.join("\n", e.problems()));
            return e.problems();
        }
        throw new AssertionError("accepted " + settings);
    }

    @Test
    void makesEachTypeFromValidSettings() throws Exception {
        assertThat(ChannelFactory.create(Digests.config("a", "slack", Map.of("url", SLACK_URL))))
                .isInstanceOf(SlackChannel.class).hasToString("slack channel 'a'");
        assertThat(ChannelFactory.create(Digests.config("b", "webhook", Map.of("url", "https://example.com/hook",
                "secret", "k3y-k3y", "headers", Map.of("Authorization", "Bearer t0ken")))))
                .isInstanceOf(WebhookChannel.class);
        Channel email = ChannelFactory.create(Digests.config("c", "email", Map.of("host", "smtp.example.com",
                "port", "2525", "username", "vigil", "password", "pa55word", "from", "Vigil <vigil@example.com>",
                "to", List.of("ops@example.com", "sec@example.com"))));
        assertThat(email).isInstanceOf(EmailChannel.class);
        assertThat(email.name()).isEqualTo("c");
        assertThat(email.type()).isEqualTo("email");
        assertThat(ChannelFactory.create(Digests.config("d", "sns",
                Map.of("topicArn", "arn:aws:sns:eu-west-1:111122223333:vigil-alerts")))).isInstanceOf(SnsChannel.class);
    }

    @Test
    void anUnknownOrMissingTypeOrNameIsOneLine() {
        assertThat(problems("teams", Map.of("url", SLACK_URL)))
                .containsExactly("channel 'ops': type: 'teams' is unknown (one of slack, webhook, email, sns)");
        assertThat(problems(null, Map.of()))
                .containsExactly("channel 'ops': type: missing (one of slack, webhook, email, sns)");
        assertThatThrownBy(() -> ChannelFactory.create(Digests.config(" ", "slack", Map.of("url", SLACK_URL))))
                .hasMessage("channel: name: missing");
    }

    @Test
    void urlsMustBeHttpsExceptOnLoopback() throws Exception {
        assertThat(problems("slack", Map.of())).containsExactly("channel 'ops' (slack): url: missing");
        assertThat(problems("slack", Map.of("url", "http://hooks.slack.com/services/T000/B000/XXXX")))
                .containsExactly("channel 'ops' (slack): url: must be an https URL (http is accepted only for "
                        + "127.0.0.1, [::1] or localhost)");
        assertThat(problems("webhook", Map.of("url", "ftp://example.com/x", "secret", "k3y-k3y")))
                .containsExactly("channel 'ops' (webhook): url: is not an absolute http(s) URL");
        for (String loopback : List.of("http://127.0.0.1:8080/h", "http://localhost/h", "http://[::1]:9/h")) {
            assertThat(ChannelFactory.create(Digests.config("ops", "webhook", Map.of("url", loopback,
                    "secret", "k3y-k3y")))).isInstanceOf(WebhookChannel.class);
        }
    }

    @Test
    void webhookHeadersAreAtMostFiveValidAndNotVigils() {
        Map<String, Object> six = new LinkedHashMap<>();
        for (int i = 1; i <= 6; i++) {
            six.put("X-H" + i, "v" + i);
        }
        assertThat(problems("webhook", Map.of("url", "https://example.com/h", "secret", "k3y-k3y", "headers", six)))
                .containsExactly("channel 'ops' (webhook): headers: at most 5 custom headers, not 6");
        assertThat(problems("webhook", Map.of("url", "https://example.com/h", "secret", "k3y-k3y", "headers",
                Map.of("X-Vigil-Signature", "forged"))))
                .containsExactly("channel 'ops' (webhook): headers: 'X-Vigil-Signature' is set by Vigil and cannot be replaced");
        assertThat(problems("webhook", Map.of("url", "https://example.com/h", "secret", "k3y-k3y", "headers",
                Map.of("Bad Name", "v", "X-Token", "line\r\nInjected: yes"))))
                .containsExactlyInAnyOrder("channel 'ops' (webhook): headers: 'Bad Name' is not a valid header name",
                        "channel 'ops' (webhook): headers: the value of 'X-Token' must be printable ASCII on one line");
        assertThat(problems("webhook", Map.of("url", "https://example.com/h")))
                .containsExactly("channel 'ops' (webhook): secret: missing");
    }

    @Test
    void emailSettingsAreCheckedTogether() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("host", "smtp.example.com");
        settings.put("security", "none");
        settings.put("port", "99999");
        settings.put("password", "pa55word");
        settings.put("from", "not an address");
        settings.put("to", List.of("ops@example.com", "ops@@example"));
        settings.put("subjet", "typo");
        assertThat(problems("email", settings)).containsExactly(
                "channel 'ops' (email): port: must be a whole number from 1 to 65535, not '99999'",
                "channel 'ops' (email): username: username and password go together",
                "channel 'ops' (email): security: a password is sent only over TLS: use starttls or ssl",
                "channel 'ops' (email): from: 'not an address' is not an email address",
                "channel 'ops' (email): to: 'ops@@example' is not an email address",
                "channel 'ops' (email): subjet: unknown setting for type email (known: maxItems, host, security, port, "
                        + "username, password, from, to, caCertificate)");
        assertThat(problems("email", Map.of("host", "smtp.example.com", "security", "tls", "from", "a@example.com",
                "to", "b@example.com"))).containsExactly(
                "channel 'ops' (email): security: must be one of starttls, ssl, none, not 'tls'");
        assertThat(problems("email", Map.of("host", "smtp.example.com", "from", "a@example.com", "to", "b@example.com",
                "caCertificate", "/nonexistent/ca.pem"))).containsExactly(
                "channel 'ops' (email): caCertificate: cannot read /nonexistent/ca.pem as PEM certificates "
                        + "(NoSuchFileException)");
    }

    @Test
    void snsNeedsAStandardTopicArn() {
        assertThat(problems("sns", Map.of("topicArn", "arn:aws:sqs:eu-west-1:111122223333:q"))).containsExactly(
                "channel 'ops' (sns): topicArn: 'arn:aws:sqs:eu-west-1:111122223333:q' is not a standard SNS topic ARN "
                        + "(arn:aws:sns:REGION:ACCOUNT:NAME; FIFO topics are not supported)");
        assertThat(problems("sns", Map.of("topicArn", "arn:aws:sns:eu-west-1:111122223333:t", "maxItems", 0)))
                .containsExactly("channel 'ops' (sns): maxItems: must be a whole number from 1 to 50, not '0'");
    }

    @Test
    void noProblemLineAndNoToStringShowsASecret() {
        String secret = "k3y-do-not-print";
        String url = "http://hooks.example.com/T000/" + secret;
        List<String> lines = problems("webhook", Map.of("url", url, "secret", secret,
                "headers", Map.of("Authorization", "Bearer " + secret, "Host", secret), "maxItems", "many"));
        assertThat(lines).hasSize(3).allSatisfy(l -> assertThat(l).doesNotContain(secret, "hooks.example.com"));

        ChannelConfig config = new ChannelConfig("ops", "webhook", ChannelFilter.ALL, Map.of("url", url, "secret", secret,
                "headers", Map.of("Authorization", secret), "maxItems", 3));
        assertThat(config.toString()).doesNotContain(secret, "hooks.example.com").contains("url=***", "secret=***",
                "headers=***", "maxItems=3");
        ChannelConfig email = Digests.config("mail", "email", Map.of("password", secret));
        assertThat(email.toString()).doesNotContain(secret).contains("password=***");
    }
}
