package org.haca.proof.tee.internal.cbor;

/** Input is not the strict CBOR this decoder accepts. A checked exception: every caller must turn it into a verdict. */
public final class CborException extends Exception {
    private static final long serialVersionUID = 1L;

    public CborException(String message) {
        super(message, null, false, false);
    }
}
