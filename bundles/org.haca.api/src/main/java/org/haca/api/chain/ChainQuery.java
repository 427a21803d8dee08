package org.haca.api.chain;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Read access to the committed chain: blocks and transactions by hash. Registered by the chain bundle; consensus
 * engines, RPC and REST read through it. Thread-safe; never reflects a half-written block.
 */
@ProviderType
public interface ChainQuery {

    /** Height of the last committed block (0 when only genesis exists). */
    long height();

    /** The committed block at {@code height}, if stored. */
    Optional<Block> block(long height);

    /** The committed transaction with this lowercase hex SHA-256 hash, if any. */
    Optional<TxRecord> tx(String txHash);

    /** A committed transaction: its bytes, the block that holds it, its position and its result. */
    record TxRecord(String txHash, long height, int index, byte[] tx, TxResult result) {
    }
}
