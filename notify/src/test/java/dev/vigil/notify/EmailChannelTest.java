package dev.vigil.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against GreenMail, a real SMTP server in the test JVM: each message is read back as it was received. */
class EmailChannelTest {

    private static final String PASSWORD = "pa55-w0rd-secret";

    private GreenMail server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private GreenMail start(String protocol) {
        server = new GreenMail(new ServerSetup(0, "127.0.0.1", protocol).dynamicPort());
        server.start();
        server.setUser("vigil@example.com", "vigil", PASSWORD);
        return server;
    }

    private static Map<String, Object> settings(String host, int port, String security) {
        Map<String, Object> settings = new HashMap<>(Map.of("host", host, "port", port, "security", security,
                "username", "vigil", "password", PASSWORD, "from", "Vigil <vigil@example.com>",
                "to", List.of("ops@example.com", "security@example.com")));
        return settings;
    }

    private static Channel email(Map<String, Object> settings) throws InvalidChannelException {
        return ChannelFactory.create(Digests.config("ops-mail", "email", settings));
    }

    @Test
    void sendsOneMessageWithATextAndAnEscapedHtmlPart() throws Exception {
        start(ServerSetup.PROTOCOL_SMTP);
        email(settings("127.0.0.1", server.getSmtp().getPort(), "none")).send(Digests.sample());

        MimeMessage[] received = server.getReceivedMessages();
        assertThat(received).hasSize(2); // one message, delivered to each of its two recipients
        MimeMessage message = received[0];
        assertThat(message.getSubject()).isEqualTo("Vigil: 2 new failures, 1 resolved check in production (111122223333)");
        assertThat(message.getFrom()).containsExactly(new InternetAddress("Vigil <vigil@example.com>"));
        assertThat(message.getRecipients(Message.RecipientType.TO)).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("ops@example.com", "security@example.com");
        MimeMultipart parts = (MimeMultipart) message.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        BodyPart text = parts.getBodyPart(0);
        BodyPart html = parts.getBodyPart(1);
        assertThat(text.getContentType()).startsWith("text/plain; charset=UTF-8");
        assertThat(html.getContentType()).startsWith("text/html; charset=UTF-8");

        assertThat(((String) text.getContent()).replace("\r\n", "\n")).isEqualTo("""
                2 new failures, 1 resolved check in production (111122223333)
                Run run-42 succeeded in us-east-1, eu-west-1, finished 2026-03-01T12:03:00Z

                New failures: 2 (HIGH 1, LOW 1)
                - HIGH  DynamoDB-003  eu-west-1  arn:aws:dynamodb:eu-west-1:111122223333:table/customers<script>
                  <!channel> <https://evil.example|click> & "quoted" 'x' <b>bold</b> second line
                - LOW  Backup-001  us-east-1  arn:aws:rds:us-east-1:111122223333:db:orders
                  RDS instance is not protected by AWS Backup

                Resolved: 1 (HIGH 1)
                - HIGH  DynamoDB-003  us-east-1  arn:aws:dynamodb:us-east-1:111122223333:table/orders
                  Point-in-time recovery is enabled

                Still failing: HIGH 3, LOW 1

                Open in Vigil: https://vigil.example/runs/run-42?tab=diff&x=1
                """);
        String body = (String) html.getContent();
        assertThat(body).contains("<h3>New failures: 2 (HIGH 1, LOW 1)</h3>",
                "<code>arn:aws:dynamodb:eu-west-1:111122223333:table/customers&lt;script&gt;</code>",
                "&lt;!channel&gt; &lt;https://evil.example|click&gt; &amp; &quot;quoted&quot; &#39;x&#39; "
                        + "&lt;b&gt;bold&lt;/b&gt; second line",
                "<a href=\"https://vigil.example/runs/run-42?tab=diff&amp;x=1\">Open in Vigil</a>");
        assertThat(body).doesNotContain("<script>", "<b>bold", "<!channel>");
        assertThat(body.indexOf("DynamoDB-003 DynamoDB-003 title")).isLessThan(body.indexOf("Backup-001"));
    }

    @Test
    void implicitTlsVerifiesTheServerAgainstTheGivenCa(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("server.p12");
        Path ca = dir.resolve("ca.pem");
        keytool("-genkeypair", "-alias", "smtp", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "san=dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-keypass", "changeit");
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, "changeit".toCharArray());
        }
        Files.writeString(ca, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(
                store.getCertificate("smtp").getEncoded()) + "\n-----END CERTIFICATE-----\n");
        // GreenMail reads its TLS key once, when its first TLS server starts: only this test starts one
        System.setProperty("greenmail.tls.keystore.file", keystore.toString());
        System.setProperty("greenmail.tls.keystore.password", "changeit");
        System.setProperty("greenmail.tls.key.password", "changeit");
        start(ServerSetup.PROTOCOL_SMTPS);
        int port = server.getSmtps().getPort();
        // GreenMail's connection threads print the handshakes this test makes fail; the test checks the outcomes
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> { });
        try {
            tlsDeliveries(port, ca);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
    }

    private void tlsDeliveries(int port, Path ca) throws Exception {

        Map<String, Object> untrusted = settings("localhost", port, "ssl");
        assertThatThrownBy(() -> email(untrusted).send(Digests.sample()))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).startsWith("TLS with the SMTP server failed: ").doesNotContain(PASSWORD);
                });
        assertThat(server.getReceivedMessages()).isEmpty();

        Map<String, Object> otherName = settings("127.0.0.1", port, "ssl"); // the certificate names localhost only
        otherName.put("caCertificate", ca.toString());
        assertThatThrownBy(() -> email(otherName).send(Digests.sample()))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).startsWith("TLS with the SMTP server failed: ");
                });

        Map<String, Object> trusted = settings("localhost", port, "ssl");
        trusted.put("caCertificate", ca.toString());
        email(trusted).send(Digests.sample());
        assertThat(server.getReceivedMessages()).hasSize(2);
        assertThat(server.getReceivedMessages()[0].getSubject()).startsWith("Vigil: 2 new failures");
    }

    @Test
    void starttlsNeverFallsBackToPlainText() throws Exception {
        start(ServerSetup.PROTOCOL_SMTP); // GreenMail does not offer STARTTLS
        assertThatThrownBy(() -> email(settings("127.0.0.1", server.getSmtp().getPort(), "starttls"))
                .send(Digests.sample())).isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("STARTTLS").doesNotContain(PASSWORD);
                });
        assertThat(server.getReceivedMessages()).isEmpty();
    }

    @Test
    void aRefusedLoginIsNotRetriedAndNeverShowsThePassword() throws Exception {
        start(ServerSetup.PROTOCOL_SMTP);
        Map<String, Object> wrong = settings("127.0.0.1", server.getSmtp().getPort(), "none");
        wrong.put("password", "wrong-" + PASSWORD);
        assertThatThrownBy(() -> email(wrong).send(Digests.sample())).isInstanceOfSatisfying(DeliveryException.class,
                e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).startsWith("the SMTP server refused the login").doesNotContain(PASSWORD);
                });
        assertThat(server.getReceivedMessages()).isEmpty();
    }

    @Test
    void anUnreachableServerIsRetryable() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        assertThatThrownBy(() -> email(settings("127.0.0.1", closed, "none")).send(Digests.sample()))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).startsWith("cannot reach the SMTP server").doesNotContain(PASSWORD);
                });
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();
    }
}
