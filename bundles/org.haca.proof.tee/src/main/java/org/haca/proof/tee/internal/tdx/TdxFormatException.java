package org.haca.proof.tee.internal.tdx;

/** A quote or collateral is not in the expected format. */
public final class TdxFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public TdxFormatException(String message) {
        super(message, null, false, false);
    }
}
