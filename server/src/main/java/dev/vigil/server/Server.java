package dev.vigil.server;

import dev.vigil.service.Service;
import dev.vigil.service.ServicePlugin;
import dev.vigil.store.StoreException;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The HTTP API and the dashboard, run by {@code vigil serve} beside its scheduler (Javalin on Jetty, virtual threads).
 * It reads the store and starts on-demand scans through the service; it never evaluates rules on live accounts itself.
 * Every response carries a strict Content-Security-Policy; request bodies over 5 MB are refused with 413.
 */
public final class Server implements ServicePlugin {

    public static final long MAX_BODY = 5L * 1024 * 1024;
    /** How long a request may wait for its turn (Conformity's requests time out after 30 s). */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Scripts, styles and images only from the server itself; no inline script or style; no framing. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /** Every response, errors included: no inline script or style, nothing framed, no sniffing, no referrer to other sites. */
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "same-origin",
            "Cache-Control", "no-store");

    private final Listen listen;
    private final Consumer<String> log;
    private Javalin app;

    /** @param log one line per event worth telling (where it listens, unexpected faults); never a key or secret */
    public Server(Listen listen, Consumer<String> log) {
        this.listen = listen;
        this.log = log;
    }

    @Override
    public void start(Service service) {
        Backend backend = new Backend(service, service.store(), new CatalogIndex(service.catalog()));
        app = Javalin.create(config -> configure(config, backend));
        try {
            app.start(listen.host(), listen.port());
        } catch (RuntimeException e) {
            app = null;
            throw new CannotListen(listen, e);
        }
        log.accept("API and dashboard on http://" + new Listen(listen.host(), app.port())
                + "/" + (listen.loopback() ? "" : " (not loopback: reachable from other machines)"));
    }

    private void configure(JavalinConfig config, Backend backend) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.concurrency.useVirtualThreads = true;
        config.http.maxRequestSize = MAX_BODY;
        config.http.defaultContentType = JsonApi.MEDIA_TYPE;
        config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
        queueForTheStore(config, backend.store().connections());
        Auth auth = new Auth(backend.store().apiKeys());
        Pages pages = new Pages();
        config.routes.before(Server::securityHeaders);
        config.routes.before(auth::check);
        config.routes.get("/health", ctx -> ctx.contentType("application/json").result("{\"status\":\"ok\"}"));
        config.routes.get("/v1/openapi.json", OpenApi::serve);
        new AccountsApi(backend).register(config.routes);
        new ChecksApi(backend).register(config.routes);
        new CatalogApi(backend).register(config.routes);
        new RunsApi(backend).register(config.routes);
        new TemplateScannerApi(backend).register(config.routes);
        new Dashboard(backend, auth, pages).register(config.routes);
        Assets.register(config.routes);
        config.routes.exception(ApiError.class, (e, ctx) -> refuse(ctx, pages, e.status(), e.getMessage()));
        config.routes.exception(Auth.SignIn.class, (e, ctx) -> Dashboard.toSignIn(ctx, e.next()));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> refuse(ctx, pages, e.getStatus(),
                e.getStatus() == 413 ? "the request body is over " + MAX_BODY / (1024 * 1024) + " MB"
                        : e.getStatus() == 404 ? "no such page or endpoint: " + ctx.method() + " " + ctx.path()
                        : oneLine(e.getMessage())));
        config.routes.exception(StoreException.class, (e, ctx) -> {
            log.accept("request " + ctx.method() + " " + ctx.path() + " failed: " + e.getMessage());
            refuse(ctx, pages, e.unavailable() ? 503 : 500, e.unavailable() ? "the store is unreachable; try again shortly"
                    : "the store refused the request; the server's log says why");
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            log.accept("request " + ctx.method() + " " + ctx.path() + " failed: " + e.getClass().getSimpleName() + ": "
                    + oneLine(e.getMessage()));
            refuse(ctx, pages, 500, "internal error; the server's log says what went wrong");
        });
    }

    /**
     * Requests take their turn for the store: at most as many at once as the pool has connections (less two for the
     * scheduler), the others wait in order, up to Conformity's 30 s, then get a 503. Without it a burst of clients
     * would wait on the pool's own short timeout and read as a lost database.
     */
    private static void queueForTheStore(JavalinConfig config, int connections) {
        Semaphore turns = new Semaphore(Math.max(1, connections - 2), true);
        config.router.handlerWrapper(endpoint -> ctx -> {
            if (!turns.tryAcquire(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ApiError(503, "the server is busy; try again shortly");
            }
            try {
                endpoint.handler.handle(ctx);
            } finally {
                turns.release();
            }
        });
    }

    private static void securityHeaders(Context ctx) {
        SECURITY_HEADERS.forEach(ctx::header);
    }

    /** An error as JSON:API for the API, as a page for the dashboard. */
    private static void refuse(Context ctx, Pages pages, int status, String detail) {
        if (ctx.path().startsWith("/v1/") || ctx.path().equals("/health")) {
            JsonApi.send(ctx, status, JsonApi.error(status, detail));
        } else {
            pages.error(ctx, status, detail);
        }
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("").strip();
    }

    /** The port it listens on (the free port it was given when asked for port 0). */
    public int port() {
        return app.port();
    }

    /** Every route the server registers, for the test that holds them to the OpenAPI document. */
    List<Endpoint> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream().map(p -> p.endpoint).toList();
    }

    /** The address is taken or not this machine's: one line saying which. */
    public static final class CannotListen extends IllegalStateException {

        CannotListen(Listen listen, RuntimeException e) {
            super("cannot listen on " + listen + ": " + root(e) + " (choose another with --listen HOST:PORT)", e);
        }

        private static String root(Throwable e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        }
    }

    @Override
    public void stop() {
        if (app != null) {
            app.stop();
            app = null;
        }
    }
}
