package dev.vigil.server;

import dev.vigil.server.view.Frame;
import dev.vigil.server.view.Message;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Renders the dashboard's pages from jte templates (src/main/jte), precompiled at build time: every {@code ${value}}
 * is escaped for where it stands (text, attribute), so a value from AWS or a template is always shown as text.
 */
final class Pages {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** Renders {@code template} with its one parameter, {@code page}. */
    void render(Context ctx, int status, String template, Object page) {
        StringOutput out = new StringOutput();
        engine.render(template, Map.of("page", page), out);
        ctx.status(status).contentType("text/html; charset=utf-8").result(out.toString());
    }

    void render(Context ctx, String template, Object page) {
        render(ctx, 200, template, page);
    }

    /** A refused request as a page; the frame shows who is signed in, when someone is. */
    void error(Context ctx, int status, String detail) {
        Caller caller = ctx.attribute(Caller.ATTRIBUTE);
        Frame frame = new Frame("Error " + status, "", caller == null ? null : caller.keyName(),
                caller != null && caller.readOnly(), caller == null ? null : caller.csrfToken());
        render(ctx, status, "message.jte", new Message(frame, status, detail, null));
    }
}
