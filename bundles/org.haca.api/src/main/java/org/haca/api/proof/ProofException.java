package org.haca.api.proof;

/** A proof could not be produced (never thrown for an invalid proof: that is a {@link Verdict}). */
public class ProofException extends Exception {
    private static final long serialVersionUID = 1L;

    public ProofException(String message) {
        super(message);
    }

    public ProofException(String message, Throwable cause) {
        super(message, cause);
    }
}
