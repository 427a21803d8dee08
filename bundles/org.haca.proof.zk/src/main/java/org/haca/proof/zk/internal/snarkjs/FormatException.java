package org.haca.proof.zk.internal.snarkjs;

/** A snarkjs/iden3 artefact (JSON or binary) is malformed or holds a value outside its field or curve. */
public final class FormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public FormatException(String message) {
        super(message);
    }

    public FormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
