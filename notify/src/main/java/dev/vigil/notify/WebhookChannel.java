package dev.vigil.notify;

import java.net.URI;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A generic webhook: the digest's JSON document, signed with HMAC-SHA256 of the exact body bytes under a
 * shared secret (lower-case hex in {@value #SIGNATURE_HEADER}, as Conformity signs in X-Conformity-Signature),
 * with up to {@value #MAX_HEADERS} custom headers. The URL, the secret and the header values are secrets.
 */
final class WebhookChannel extends ConfiguredChannel {

    static final String SIGNATURE_HEADER = "X-Vigil-Signature";
    static final int MAX_HEADERS = 5;

    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern HEADER_VALUE = Pattern.compile("[\\x20-\\x7E\\t]*");
    /** Set by Vigil or by the HTTP client itself. */
    private static final Set<String> RESERVED = Set.of("content-type", "content-length", "host", "connection",
            "expect", "upgrade", "transfer-encoding", "te", "trailer", "user-agent",
            SIGNATURE_HEADER.toLowerCase(Locale.ROOT));

    private final URI url;
    private final String secret;
    private final Map<String, String> headers;
    private final Secrets secrets;

    WebhookChannel(ChannelConfig config, Settings settings) {
        super(config, settings);
        this.url = settings.secureUrl("url");
        this.secret = settings.string("secret");
        this.headers = headers(settings);
        List<String> hidden = new ArrayList<>(headers.values());
        hidden.add(secret);
        if (url != null) {
            hidden.addAll(Secrets.urlParts(url));
        }
        this.secrets = Secrets.of(hidden);
    }

    private static Map<String, String> headers(Settings settings) {
        Map<String, String> given = settings.stringMap("headers");
        if (given.size() > MAX_HEADERS) {
            settings.problem("headers", "at most " + MAX_HEADERS + " custom headers, not " + given.size());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        given.forEach((name, value) -> {
            String shown = "'" + Text.clip(Text.line(name), 60) + "'";
            if (!HEADER_NAME.matcher(name).matches()) {
                settings.problem("headers", shown + " is not a valid header name");
            } else if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                settings.problem("headers", shown + " is set by Vigil and cannot be replaced");
            } else if (!HEADER_VALUE.matcher(value).matches()) {
                settings.problem("headers", "the value of " + shown
                        + " must be printable ASCII on one line");
            } else {
                headers.put(name, value);
            }
        });
        return headers;
    }

    @Override
    public void send(Digest digest) throws DeliveryException {
        byte[] body = body(digest);
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(SIGNATURE_HEADER, sign(secret, body));
        HttpPost.send("the webhook endpoint", url, body, all, secrets);
    }

    byte[] body(Digest digest) {
        return DigestJson.bytes(DigestJson.render(overview(digest)));
    }

    /** HMAC-SHA256 of {@code body} under {@code secret} (UTF-8), in lower-case hex. */
    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
