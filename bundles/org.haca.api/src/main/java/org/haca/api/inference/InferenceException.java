package org.haca.api.inference;

/** An inference could not be served. {@link Kind} tells callers (and REST) whose fault it was. */
public class InferenceException extends Exception {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** The request is wrong: shape, dtype, NaN/Inf, missing input. HTTP 400. */
        BAD_INPUT,
        /** Unknown model or backend. HTTP 404. */
        NOT_FOUND,
        /** The mode, op or backend is not available on this node. HTTP 501. */
        UNSUPPORTED,
        /** The node is overloaded or shutting down. HTTP 503. */
        UNAVAILABLE,
        /** A fault of this node. HTTP 500. */
        INTERNAL
    }

    private final Kind kind;

    public InferenceException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public InferenceException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
