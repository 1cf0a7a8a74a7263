package dev.vigil.notify;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Email over SMTP (Angus Mail): a text and an HTML part, every value escaped in the HTML. TLS is STARTTLS
 * (required: never a silent fall-back to plain text), implicit TLS ({@code ssl}) or none; the server's
 * certificate and host name are always verified. The password is a secret.
 */
final class EmailChannel extends ConfiguredChannel {

    static final List<String> SECURITY = List.of("starttls", "ssl", "none");

    private final Properties properties = new Properties();
    private final String username;
    private final String password;
    private final InternetAddress from;
    private final InternetAddress[] to;
    private final Secrets secrets;

    EmailChannel(ChannelConfig config, Settings settings) {
        super(config, settings);
        String host = settings.string("host");
        String security = settings.choice("security", "starttls", SECURITY);
        int port = settings.integer("port", switch (security) {
            case "ssl" -> 465;
            case "none" -> 25;
            default -> 587;
        }, 1, 65535);
        this.username = settings.optionalString("username");
        this.password = settings.optionalString("password");
        if ((username == null) != (password == null)) {
            settings.problem(username == null ? "username" : "password", "username and password go together");
        }
        if (password != null && security.equals("none") && !Settings.isLoopback(host)) {
            settings.problem("security", "a password is sent only over TLS: use starttls or ssl");
        }
        this.from = address(settings, "from", settings.string("from"));
        this.to = settings.strings("to").stream().map(a -> address(settings, "to", a)).toArray(InternetAddress[]::new);
        SSLSocketFactory tls = trusting(settings, settings.optionalString("caCertificate"));
        this.secrets = Secrets.of(Arrays.asList(password, username));

        properties.put("mail.smtp.host", String.valueOf(host));
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.connectiontimeout", Long.toString(CONNECT_TIMEOUT.toMillis()));
        properties.put("mail.smtp.timeout", Long.toString(READ_TIMEOUT.toMillis()));
        properties.put("mail.smtp.writetimeout", Long.toString(READ_TIMEOUT.toMillis()));
        if (from != null) {
            properties.put("mail.smtp.from", from.getAddress());
        }
        if (!security.equals("none")) {
            properties.put(security.equals("ssl") ? "mail.smtp.ssl.enable" : "mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", Boolean.toString(security.equals("starttls")));
            properties.put("mail.smtp.ssl.checkserveridentity", "true");
            if (tls != null) {
                properties.put("mail.smtp.ssl.socketFactory", tls);
            }
        }
        properties.put("mail.smtp.auth", Boolean.toString(username != null));
    }

    private static InternetAddress address(Settings settings, String key, String text) {
        if (text == null) {
            return null;
        }
        try {
            InternetAddress address = new InternetAddress(text, true);
            address.validate();
            return address;
        } catch (AddressException e) {
            settings.problem(key, "'" + Text.clip(Text.line(text), 80) + "' is not an email address");
            return null;
        }
    }

    /** A socket factory trusting only the CA certificates of a PEM file, or null for the JVM's trust store. */
    private static SSLSocketFactory trusting(Settings settings, String pemFile) {
        if (pemFile == null) {
            return null;
        }
        try (InputStream in = Files.newInputStream(Path.of(pemFile))) {
            Collection<? extends Certificate> certificates =
                    java.security.cert.CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                settings.problem("caCertificate", pemFile + " holds no certificate");
                return null;
            }
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int n = 0;
            for (Certificate c : certificates) {
                trusted.setCertificateEntry("ca-" + n++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            settings.problem("caCertificate", "cannot read " + pemFile + " as PEM certificates ("
                    + Text.line(e.getClass().getSimpleName()) + ")");
            return null;
        }
    }

    @Override
    public void send(Digest digest) throws DeliveryException {
        Overview overview = overview(digest);
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(properties));
            message.setFrom(from);
            message.setRecipients(Message.RecipientType.TO, to);
            message.setSubject(subject(overview), "UTF-8");
            message.setSentDate(new Date());
            MimeBodyPart text = new MimeBodyPart();
            text.setText(PlainText.render(overview), "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(HtmlMail.render(overview), "UTF-8", "html");
            message.setContent(new MimeMultipart("alternative", text, html));
            if (username != null) {
                Transport.send(message, username, password);
            } else {
                Transport.send(message);
            }
        } catch (MessagingException e) {
            throw failure(e);
        }
    }

    static String subject(Overview overview) {
        return Text.plain("Vigil: " + overview.headline());
    }

    /** Retryable: the server said 4xx (try later) or could not be reached; anything else needs a person. */
    private DeliveryException failure(MessagingException e) {
        String detail = secrets.scrub(e.getMessage());
        if (e instanceof AuthenticationFailedException) {
            return new DeliveryException("the SMTP server refused the login: " + detail, false);
        }
        Integer code = e instanceof SMTPSendFailedException s ? Integer.valueOf(s.getReturnCode())
                : e.getNextException() instanceof SMTPAddressFailedException a ? Integer.valueOf(a.getReturnCode())
                : null;
        if (code != null) {
            return new DeliveryException("the SMTP server refused the message: " + detail, code / 100 == 4);
        }
        if (e instanceof SendFailedException) {
            return new DeliveryException("the SMTP server refused the recipients: " + detail, false);
        }
        if (causedBy(e, SSLHandshakeException.class)) {
            return new DeliveryException("TLS with the SMTP server failed: " + detail, false);
        }
        if (causedBy(e, IOException.class)) {
            return new DeliveryException("cannot reach the SMTP server: " + detail, true);
        }
        return new DeliveryException("SMTP delivery failed: " + detail, false);
    }
}
