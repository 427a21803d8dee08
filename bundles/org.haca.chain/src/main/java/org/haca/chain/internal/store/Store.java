package org.haca.chain.internal.store;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.haca.chain.internal.core.StateTree;

/**
 * Durable storage of committed blocks and state. {@link #commit} writes one block, its tx index, the state changes
 * and the new head atomically and durably (fsync) before it returns; readers see either all of it or none.
 */
public interface Store extends AutoCloseable {

    /** Committed value of a state key, or null. */
    byte[] state(byte[] key);

    /** Every committed state entry. */
    void forEachState(BiConsumer<byte[], byte[]> action);

    /** The head record written by the last commit, or null for a new store. */
    byte[] head();

    byte[] block(long height);

    /** Location of a committed tx: height (u64) + index (u32), or null. */
    byte[] txLocation(byte[] txHash);

    /**
     * @param height the block's height; 0 for the genesis state (no block)
     * @param block the encoded block, or null for genesis
     */
    void commit(Map<StateTree.Key, byte[]> stateChanges, long height, byte[] block, List<byte[]> txHashes,
            byte[] head);

    @Override
    void close();
}
