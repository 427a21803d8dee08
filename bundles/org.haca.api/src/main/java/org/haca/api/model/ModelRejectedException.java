package org.haca.api.model;

/** A model was refused: not parseable, unsupported, corrupted on disk, or over the size limit. */
public class ModelRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the model was refused; REST maps these to 400, 413 and 422/500. */
    public enum Reason {
        MALFORMED, TOO_LARGE, UNSUPPORTED, CORRUPTED
    }

    private final Reason reason;

    public ModelRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
