package org.haca.chain.internal.core;

/** Bytes that do not follow the canonical encoding. */
public final class MalformedException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedException(String message) {
        super(message);
    }
}
