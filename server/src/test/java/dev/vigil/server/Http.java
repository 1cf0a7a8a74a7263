package dev.vigil.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Real HTTP to the server under test. Every answer from the API ({@code /v1/...}, {@code /health}) is checked against
 * the OpenAPI document before the test sees it.
 */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    record Response(int status, HttpHeaders headers, String body) {

        JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        /** The first error's detail. */
        String detail() {
            return json().at("/errors/0/detail").asText();
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final String base;

    Http(String base) {
        this.base = base;
    }

    Response get(String path, String key) {
        return send(request(path, key).GET().build());
    }

    Response post(String path, String key, String body) {
        return send(request(path, key).header("Content-Type", JsonApi.MEDIA_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Response patch(String path, String key, String body) {
        return send(request(path, key).header("Content-Type", JsonApi.MEDIA_TYPE)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Response send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        String path = request.uri().getRawPath();
        String decoded = request.uri().getPath();
        if (OpenApiDocument.template(decoded).isPresent()) {
            OpenApiDocument.validate(request.method(), decoded, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null), response.body());
        }
        return new Response(response.statusCode(), response.headers(), response.body());
    }

    HttpRequest.Builder request(String path, String key) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (key != null) {
            builder.header("Authorization", "ApiKey " + key);
        }
        return builder;
    }
}
