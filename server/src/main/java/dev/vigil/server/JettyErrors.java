package dev.vigil.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before a request reaches the routes (a path it will not parse, a header too large): a
 * JSON:API error with the same security headers as every other response, never Jetty's HTML page or a stack trace.
 */
final class JettyErrors extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() >= 400 ? response.getStatus() : 400;
        Object message = request.getAttribute(ERROR_MESSAGE);
        String detail = "the request cannot be read" + (message instanceof String m && !m.isBlank()
                ? ": " + m.lines().findFirst().orElse("").strip() : "");
        byte[] body = JsonApi.error(status, detail).toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JsonApi.MEDIA_TYPE);
        Server.SECURITY_HEADERS.forEach((name, value) -> response.getHeaders().put(name, value));
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
