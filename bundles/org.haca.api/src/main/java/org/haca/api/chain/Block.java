package org.haca.api.chain;

import java.util.List;
import java.util.Objects;

/**
 * A finalized block as consensus engines publish it. Hashes are lowercase hex; {@code txs} holds the encoded
 * transactions in execution order (arrays are not copied: treat them as read-only).
 *
 * @param time block time chosen by consensus (Unix epoch milliseconds); the only clock the state machine may read
 * @param stateRoot commitment over the application state after executing this block (the ABCI app hash)
 */
public record Block(long height, String hash, String previousHash, long time, String txRoot, String stateRoot,
        List<byte[]> txs, List<TxResult> results) {
    public Block {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(txRoot, "txRoot");
        Objects.requireNonNull(stateRoot, "stateRoot");
        txs = List.copyOf(txs);
        results = List.copyOf(results);
    }
}
