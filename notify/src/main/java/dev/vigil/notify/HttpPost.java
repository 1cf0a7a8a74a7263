package dev.vigil.notify;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Posts a JSON body with the JDK's HTTP client and turns the answer into success or a {@link DeliveryException}:
 * 2xx is delivered; 429, 5xx and I/O faults may pass on a later try; any other answer will not.
 */
final class HttpPost {

    /** How much of an error answer is read, for its first line. */
    private static final int EXCERPT_BYTES = 512;

    /** Redirects are not followed: the signed body and its headers go to the configured address only. */
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(ConfiguredChannel.CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpPost() {
    }

    /** {@code endpoint} names the receiver in errors, e.g. {@code Slack}; the URL itself is never named. */
    static void send(String endpoint, URI url, byte[] body, Map<String, String> headers, Secrets secrets)
            throws DeliveryException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(ConfiguredChannel.READ_TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8").header("User-Agent", "Vigil")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        HttpResponse<InputStream> response;
        try {
            response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new DeliveryException("cannot reach " + endpoint + ": " + secrets.scrub(describe(e)), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted while sending to " + endpoint, true);
        }
        int status = response.statusCode();
        String excerpt = excerpt(response.body());
        if (status / 100 == 2) {
            return;
        }
        throw new DeliveryException(endpoint + " answered HTTP " + status
                + (excerpt.isBlank() ? "" : ": " + secrets.scrub(excerpt)), status == 429 || status >= 500);
    }

    private static String excerpt(InputStream body) {
        try (body) {
            String text = new String(body.readNBytes(EXCERPT_BYTES), StandardCharsets.UTF_8);
            int newline = text.indexOf('\n');
            return newline < 0 ? text : text.substring(0, newline);
        } catch (IOException e) {
            return "";
        }
    }

    /** The fault's type and the first message along its causes (the JDK's connect faults have theirs inside). */
    private static String describe(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return e.getClass().getSimpleName() + " (" + t.getMessage() + ")";
            }
        }
        return e.getClass().getSimpleName();
    }
}
