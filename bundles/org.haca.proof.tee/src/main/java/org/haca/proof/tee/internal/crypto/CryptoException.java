package org.haca.proof.tee.internal.crypto;

/** A key, certificate or chain is unusable; the message says why (it becomes a check detail). */
public final class CryptoException extends Exception {
    private static final long serialVersionUID = 1L;

    public CryptoException(String message) {
        super(message, null, false, false);
    }
}
