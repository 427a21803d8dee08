package org.haca.chain.internal.core;

/** Thrown inside tx execution to abort the tx with a code; nothing the tx wrote survives. */
final class Reject extends Exception {
    private static final long serialVersionUID = 1L;
    final int code;

    Reject(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }
}
