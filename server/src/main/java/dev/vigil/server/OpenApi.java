package dev.vigil.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /v1/openapi.json}: the OpenAPI 3.1 document of the API, a resource file that a test holds to the routes. */
final class OpenApi {

    static final byte[] DOCUMENT = read();

    private OpenApi() {
    }

    static void serve(Context ctx) {
        ctx.contentType("application/json").result(DOCUMENT);
    }

    private static byte[] read() {
        try (InputStream in = OpenApi.class.getResourceAsStream("openapi.json")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
