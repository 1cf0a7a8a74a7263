package dev.vigil.server;

import dev.vigil.store.ApiKeys;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Who may do what. API requests carry {@code Authorization: ApiKey KEY}; dashboard pages need a session, opened by
 * signing in with a key, held in an HttpOnly, SameSite=Strict cookie whose value the store keeps only as a hash, and
 * every form that changes something carries the session's CSRF token. Only {@code /health}, the sign-in page and the
 * static assets are open.
 */
final class Auth {

    static final String COOKIE = "vigil_session";
    static final Duration SESSION = Duration.ofHours(8);
    static final String CSRF_FIELD = "csrf";
    private static final Set<String> OPEN = Set.of("/health", "/login");

    private final ApiKeys keys;

    Auth(ApiKeys keys) {
        this.keys = keys;
    }

    /** Runs before every request: attaches the caller, or refuses the request. */
    void check(Context ctx) {
        String path = ctx.path();
        if (OPEN.contains(path) || path.startsWith("/assets/")) {
            return;
        }
        if (path.startsWith("/v1/") || path.equals("/v1")) {
            api(ctx);
        } else {
            dashboard(ctx);
        }
    }

    private void api(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "ApiKey ", 0, 7)) {
            throw new ApiError(401, "this API needs a key: send 'Authorization: ApiKey KEY' (create one with "
                    + "'vigil api-key create --name NAME')");
        }
        ApiKeys.ApiKey key = keys.authenticate(header.substring(7).trim())
                .orElseThrow(() -> new ApiError(401, "the API key is not valid (unknown or revoked)"));
        new Caller(key.name(), key.readOnly(), null).attach(ctx);
    }

    private void dashboard(Context ctx) {
        Optional<ApiKeys.Session> session = keys.session(ctx.cookie(COOKIE));
        if (session.isEmpty()) {
            throw new SignIn(ctx.method() == HandlerType.GET ? ctx.path() : "/");
        }
        ApiKeys.Session s = session.get();
        Caller caller = new Caller(s.key().name(), s.key().readOnly(), s.csrfToken());
        caller.attach(ctx);
        if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) {
            sameOrigin(ctx);
            String sent = ctx.formParam(CSRF_FIELD);
            if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                    s.csrfToken().getBytes(StandardCharsets.UTF_8))) {
                throw ApiError.forbidden("the form's security token is missing or stale; reload the page and try again");
            }
        }
    }

    /** Signs in with a key from the sign-in form: a new session and its cookie. */
    void signIn(Context ctx, String secret) {
        sameOrigin(ctx);
        ApiKeys.ApiKey key = keys.authenticate(secret == null ? null : secret.trim())
                .orElseThrow(() -> new ApiError(401, "that API key is not valid (unknown or revoked)"));
        String token = keys.openSession(key, SESSION);
        Cookie cookie = new Cookie(COOKIE, token, "/", (int) SESSION.toSeconds(), ctx.scheme().equals("https"), true,
                null, SameSite.STRICT);
        ctx.cookie(cookie);
    }

    void signOut(Context ctx) {
        String token = ctx.cookie(COOKIE);
        if (token != null) {
            keys.closeSession(token);
        }
        ctx.removeCookie(COOKIE, "/");
    }

    /** A state-changing request from another site's page is refused (besides SameSite and the CSRF token). */
    private static void sameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null && !origin.equals(ctx.scheme() + "://" + ctx.host())) {
            throw ApiError.forbidden("a form from another site (" + origin + ") cannot act here");
        }
    }

    /** A dashboard request without a session: sent to the sign-in page, then back to {@code next}. */
    static final class SignIn extends RuntimeException {

        private final String next;

        SignIn(String next) {
            super(null, null, false, false);
            this.next = next;
        }

        String next() {
            return next;
        }
    }
}
