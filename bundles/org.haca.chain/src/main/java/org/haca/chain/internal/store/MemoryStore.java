package org.haca.chain.internal.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import org.haca.chain.internal.core.StateTree;
import org.haca.chain.internal.core.Wire;

/** In-memory {@link Store} for tests and benchmarks that exclude the disk. */
public final class MemoryStore implements Store {
    private final TreeMap<StateTree.Key, byte[]> state = new TreeMap<>();
    private final Map<Long, byte[]> blocks = new HashMap<>();
    private final Map<StateTree.Key, byte[]> txs = new HashMap<>();
    private byte[] head;

    @Override
    public synchronized byte[] state(byte[] key) {
        return state.get(new StateTree.Key(key));
    }

    @Override
    public synchronized void forEachState(BiConsumer<byte[], byte[]> action) {
        state.forEach((k, v) -> action.accept(k.bytes(), v));
    }

    @Override
    public synchronized byte[] head() {
        return head;
    }

    @Override
    public synchronized byte[] block(long height) {
        return blocks.get(height);
    }

    @Override
    public synchronized byte[] txLocation(byte[] txHash) {
        return txs.get(new StateTree.Key(txHash));
    }

    @Override
    public synchronized void commit(Map<StateTree.Key, byte[]> changes, long height, byte[] block,
            List<byte[]> txHashes, byte[] head) {
        changes.forEach((k, v) -> {
            if (v == null) {
                state.remove(k);
            } else {
                state.put(k, v);
            }
        });
        if (block != null) {
            blocks.put(height, block);
            for (int i = 0; i < txHashes.size(); i++) {
                txs.putIfAbsent(new StateTree.Key(txHashes.get(i)),
                        new Wire.Writer().u64(height).u32(i).toByteArray());
            }
        }
        this.head = head;
    }

    @Override
    public void close() {
    }
}
