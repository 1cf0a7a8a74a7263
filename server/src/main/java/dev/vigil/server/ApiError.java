package dev.vigil.server;

/**
 * A request the server refuses: an HTTP status and one line saying what is wrong and what to do. The API answers
 * it as a JSON:API error object, the dashboard as a page.
 */
final class ApiError extends RuntimeException {

    private final int status;

    ApiError(int status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    static ApiError badRequest(String detail) {
        return new ApiError(400, detail);
    }

    static ApiError notFound(String detail) {
        return new ApiError(404, detail);
    }

    static ApiError forbidden(String detail) {
        return new ApiError(403, detail);
    }
}
