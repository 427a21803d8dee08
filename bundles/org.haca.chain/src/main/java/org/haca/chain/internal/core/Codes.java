package org.haca.chain.internal.core;

/** Result codes of CheckTx / FinalizeBlock (0 = ok, as in ABCI). */
public final class Codes {
    private Codes() {
    }

    public static final int OK = 0;
    public static final int MALFORMED = 1;
    public static final int UNKNOWN_TYPE = 2;
    public static final int BAD_SIGNATURE = 3;
    public static final int WRONG_NETWORK = 4;
    public static final int BAD_NONCE = 5;
    public static final int INSUFFICIENT_FUNDS = 6;
    public static final int UNAUTHORIZED = 7;
    public static final int NOT_FOUND = 8;
    public static final int INVALID = 9;
    public static final int TOO_LARGE = 10;
    public static final int DUPLICATE = 11;
    public static final int MEMPOOL_FULL = 20;
}
