package dev.vigil.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP proxy in front of moto on 127.0.0.1. Requests that match a rule get a recorded response in
 * the shape AWS documents (for operations moto lacks, and for injected faults); every other request is
 * forwarded to moto unchanged. Every request is kept for assertions.
 */
public final class EmulatorProxy implements AutoCloseable {

    /** What the SDK sent. */
    public record Request(String method, String path, String query, Map<String, List<String>> headers, String body) {

        /** The region from the SigV4 credential scope. */
        public String region() {
            Matcher m = SCOPE.matcher(header("Authorization"));
            return m.find() ? m.group(1) : "";
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse("");
        }

        /** The operation: X-Amz-Target's suffix (JSON protocols) or the Action form field (query protocol). */
        public String operation() {
            String target = header("X-Amz-Target");
            if (!target.isEmpty()) {
                return target.substring(target.indexOf('.') + 1);
            }
            String action = form("Action");
            return action == null ? method + " " + path : action;
        }

        public String form(String name) {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }
    }

    /** A recorded response; {@code headers} as AWS sends them beside the body (e.g. x-amzn-ErrorType). */
    public record Response(int status, String contentType, String body, Map<String, String> headers) {

        public Response(int status, String contentType, String body) {
            this(status, contentType, body, Map.of());
        }
    }

    private record Rule(Predicate<Request> when, Function<Request, Response> respond) {}

    private record Delay(Predicate<Request> when, java.time.Duration delay) {}

    private static final Pattern SCOPE = Pattern.compile("Credential=[^/]+/\\d{8}/([^/]+)/");
    private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "connection", "expect",
            "transfer-encoding", "upgrade");

    private final URI upstream;
    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<Delay> delays = new CopyOnWriteArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public EmulatorProxy(URI upstream) throws IOException {
        this.upstream = upstream;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Forwards matching requests only after {@code delay}: a slow but working AWS. */
    public EmulatorProxy slow(Predicate<Request> when, java.time.Duration delay) {
        delays.add(new Delay(when, delay));
        return this;
    }

    /** Answers matching requests with a recorded response instead of forwarding them. */
    public EmulatorProxy when(Predicate<Request> when, Function<Request, Response> respond) {
        rules.add(new Rule(when, respond));
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String operation) {
        return requests.stream().filter(r -> r.operation().equals(operation)).toList();
    }

    /** A file under src/test/resources/recorded, with {placeholders} filled in. */
    public static String recorded(String name, Map<String, String> values) {
        try (InputStream in = EmulatorProxy.class.getResourceAsStream("/recorded/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (var e : values.entrySet()) {
                text = text.replace("{" + e.getKey() + "}", e.getValue());
            }
            return text;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()),
                new String(body, StandardCharsets.UTF_8));
        requests.add(request);
        try (exchange) {
            for (Rule rule : rules) {
                if (rule.when().test(request)) {
                    Response r = rule.respond().apply(request);
                    byte[] out = r.body().getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", r.contentType());
                    r.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
                    exchange.sendResponseHeaders(r.status(), out.length == 0 ? -1 : out.length);
                    exchange.getResponseBody().write(out);
                    return;
                }
            }
            for (Delay delay : delays) {
                if (delay.when().test(request)) {
                    Thread.sleep(delay.delay());
                }
            }
            forward(exchange, request, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void forward(HttpExchange exchange, Request request, byte[] body) throws IOException {
        String target = request.path() + (request.query() == null ? "" : "?" + request.query());
        HttpRequest.Builder out = HttpRequest.newBuilder(upstream.resolve(target))
                .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(body));
        request.headers().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(v -> out.header(name, v));
            }
        });
        try {
            HttpResponse<byte[]> answer = client.send(out.build(), HttpResponse.BodyHandlers.ofByteArray());
            answer.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.equals(":status")) {
                    values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                }
            });
            exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
            exchange.getResponseBody().write(answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        client.close();
    }
}
