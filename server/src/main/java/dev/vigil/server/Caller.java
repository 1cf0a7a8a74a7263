package dev.vigil.server;

import io.javalin.http.Context;

/**
 * Who sent a request: the API key (by name) it came with, directly or through a dashboard session.
 *
 * @param csrfToken the session's form token; null for API requests, which carry their key in a header
 */
record Caller(String keyName, boolean readOnly, String csrfToken) {

    static final String ATTRIBUTE = "vigil.caller";

    static Caller of(Context ctx) {
        Caller caller = ctx.attribute(ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException("no caller: the route was not behind authentication");
        }
        return caller;
    }

    void attach(Context ctx) {
        ctx.attribute(ATTRIBUTE, this);
    }

    /** Who the audit trail names. */
    String actor() {
        return "api-key:" + keyName;
    }

    /** Read-only keys read; changing anything (suppressing, starting scans) is a 403. */
    void mayWrite(String what) {
        if (readOnly) {
            throw ApiError.forbidden("the API key '" + keyName + "' is read-only: it cannot " + what);
        }
    }
}
