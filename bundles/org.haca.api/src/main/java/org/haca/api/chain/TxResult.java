package org.haca.api.chain;

import java.util.Objects;

/**
 * Outcome of checking or executing one transaction. {@code code} 0 is success, as in CometBFT/ABCI; any other value
 * is a rejection whose {@code log} says why.
 *
 * @param txHash lowercase hex SHA-256 of the encoded transaction
 * @param height block height that included it, or 0 when not (yet) in a block
 */
public record TxResult(String txHash, int code, String log, long height) {
    public static final int OK = 0;

    public TxResult {
        Objects.requireNonNull(txHash, "txHash");
        Objects.requireNonNull(log, "log");
    }

    public boolean ok() {
        return code == OK;
    }
}
