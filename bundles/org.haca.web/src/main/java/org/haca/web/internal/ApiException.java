package org.haca.web.internal;

/**
 * A request failed in a way the caller should see: becomes {@code {"error": ..., "message": ...}} with {@link #status()}.
 * Resources throw it; the servlet renders it. Never carries a stack trace to the client.
 */
public final class ApiException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;

    public ApiException(int status, String error, String message) {
        super(message);
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "bad_request", message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message);
    }

    public static ApiException methodNotAllowed(String method, String path) {
        return new ApiException(405, "method_not_allowed", method + " is not supported on " + path);
    }

    public static ApiException tooLarge(long limit) {
        return new ApiException(413, "payload_too_large", "request body exceeds the limit of " + limit + " bytes");
    }
}
