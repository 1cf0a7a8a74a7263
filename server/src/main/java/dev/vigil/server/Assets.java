package dev.vigil.server;

import dev.vigil.report.html.Page;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The dashboard's static files, served from the jar: no CDN, no request to anywhere else. */
final class Assets {

    /** Name → media type; only these are served. */
    private static final Map<String, String> FILES = Map.of("dashboard.css", "text/css; charset=utf-8",
            "vigil.css", "text/css; charset=utf-8");
    private static final Map<String, byte[]> CONTENT = load();

    private Assets() {
    }

    static void register(RoutesConfig routes) {
        routes.get("/assets/{name}", Assets::serve);
    }

    private static void serve(Context ctx) {
        String name = ctx.pathParam("name");
        byte[] content = CONTENT.get(name);
        if (content == null) {
            throw ApiError.notFound("no asset " + name);
        }
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.contentType(FILES.get(name)).result(content);
    }

    static byte[] content(String name) {
        return CONTENT.get(name);
    }

    /** The dashboard's own styles, and the HTML report's (risk colours, badges, charts) that they build on. */
    private static Map<String, byte[]> load() {
        try (InputStream in = Assets.class.getResourceAsStream("assets/dashboard.css")) {
            return Map.of("dashboard.css", in.readAllBytes(),
                    "vigil.css", Page.styles().html().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
