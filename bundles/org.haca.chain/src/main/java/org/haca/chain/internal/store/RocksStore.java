package org.haca.chain.internal.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.haca.chain.internal.core.StateTree;
import org.haca.chain.internal.core.Wire;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * RocksDB-backed {@link Store}. One column family, keys by prefix: {@code s}+stateKey, {@code b}+height:u64 (blocks),
 * {@code t}+txHash (location), {@code m} (head). Each commit is one WriteBatch written with sync=true.
 */
public final class RocksStore implements Store {
    private static final byte[] HEAD = { 'm' };
    private final RocksDB db;
    private final Options options;
    private final WriteOptions syncWrite;
    /** Native handles must not be used after close: readers and writers hold the read lock, close the write lock. */
    private final java.util.concurrent.locks.ReentrantReadWriteLock lock =
            new java.util.concurrent.locks.ReentrantReadWriteLock();
    private boolean closed;

    private void enter() {
        lock.readLock().lock();
        if (closed) {
            lock.readLock().unlock();
            throw new IllegalStateException("chain store is closed");
        }
    }

    private void exit() {
        lock.readLock().unlock();
    }

    public RocksStore(Path dir) {
        RocksDB.loadLibrary();
        try {
            Files.createDirectories(dir);
            options = new Options().setCreateIfMissing(true);
            syncWrite = new WriteOptions().setSync(true);
            db = RocksDB.open(options, dir.toString());
        } catch (Exception e) {
            throw new IllegalStateException("cannot open chain store at " + dir + ": " + e.getMessage(), e);
        }
    }

    private static byte[] prefixed(char p, byte[] k) {
        byte[] out = new byte[k.length + 1];
        out[0] = (byte) p;
        System.arraycopy(k, 0, out, 1, k.length);
        return out;
    }

    private byte[] get(byte[] key) {
        enter();
        try {
            return db.get(key);
        } catch (RocksDBException e) {
            throw new IllegalStateException("chain store read failed: " + e.getMessage(), e);
        } finally {
            exit();
        }
    }

    @Override
    public byte[] state(byte[] key) {
        return get(prefixed('s', key));
    }

    @Override
    public void forEachState(BiConsumer<byte[], byte[]> action) {
        enter();
        try (RocksIterator it = db.newIterator()) {
            for (it.seek(new byte[] { 's' }); it.isValid(); it.next()) {
                byte[] k = it.key();
                if (k[0] != 's') {
                    break;
                }
                action.accept(java.util.Arrays.copyOfRange(k, 1, k.length), it.value());
            }
        } finally {
            exit();
        }
    }

    @Override
    public byte[] head() {
        return get(HEAD);
    }

    @Override
    public byte[] block(long height) {
        return get(prefixed('b', new Wire.Writer().u64(height).toByteArray()));
    }

    @Override
    public byte[] txLocation(byte[] txHash) {
        return get(prefixed('t', txHash));
    }

    @Override
    public void commit(Map<StateTree.Key, byte[]> changes, long height, byte[] block, List<byte[]> txHashes,
            byte[] head) {
        enter();
        try (WriteBatch batch = new WriteBatch()) {
            for (Map.Entry<StateTree.Key, byte[]> e : changes.entrySet()) {
                byte[] k = prefixed('s', e.getKey().bytes());
                if (e.getValue() == null) {
                    batch.delete(k);
                } else {
                    batch.put(k, e.getValue());
                }
            }
            if (block != null) {
                batch.put(prefixed('b', new Wire.Writer().u64(height).toByteArray()), block);
                java.util.Set<StateTree.Key> seen = new java.util.HashSet<>();
                for (int i = 0; i < txHashes.size(); i++) {
                    byte[] tk = prefixed('t', txHashes.get(i));
                    // a duplicate tx (rejected in its block) must not move the index of the first one
                    if (seen.add(new StateTree.Key(tk)) && get(tk) == null) {
                        batch.put(tk, new Wire.Writer().u64(height).u32(i).toByteArray());
                    }
                }
            }
            batch.put(HEAD, head);
            db.write(syncWrite, batch);
        } catch (RocksDBException e) {
            throw new IllegalStateException("chain store commit failed: " + e.getMessage(), e);
        } finally {
            exit();
        }
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            lock.writeLock().unlock();
        }
        db.close();
        syncWrite.close();
        options.close();
    }
}
