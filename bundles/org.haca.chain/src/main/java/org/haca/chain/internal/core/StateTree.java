package org.haca.chain.internal.core;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The whole application state as sorted key/value pairs with an incrementally maintained Merkle commitment.
 *
 * <p>Commitment: every key falls into one of {@value #BUCKETS} buckets by the first 12 bits of SHA-256(key). A bucket's
 * hash is SHA-256 over its entries in unsigned-lexicographic key order, each entry contributing SHA-256(0x00 ||
 * len(key):u32 || key || len(value):u32 || value). The state root is the binary Merkle root (node = SHA-256(0x01 || l
 * || r)) over the bucket hashes. Only buckets changed since the last root are rehashed.
 *
 * <p>Not thread-safe: owned by the block-executing thread. Changes made since the last {@link #drainDirty} are
 * reported there so the store can persist exactly them.
 */
public final class StateTree {
    public static final int BITS = 12;
    public static final int BUCKETS = 1 << BITS;

    @SuppressWarnings("unchecked")
    private final TreeMap<Key, byte[]>[] buckets = new TreeMap[BUCKETS];
    private final byte[][] tree = new byte[2 * BUCKETS][];
    private final BitSet dirtyBuckets = new BitSet(BUCKETS);
    private final Map<Key, byte[]> dirty = new HashMap<>();
    private boolean anyDirty = true;
    private int size;

    public StateTree() {
        for (int i = 0; i < BUCKETS; i++) {
            buckets[i] = new TreeMap<>();
        }
        dirtyBuckets.set(0, BUCKETS);
    }

    /** Key wrapper with unsigned-lexicographic order and value equality. */
    public record Key(byte[] bytes) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            return Arrays.compareUnsigned(bytes, o.bytes);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(bytes, k.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }

    private static int bucket(byte[] key) {
        byte[] h = Crypto.sha256(key);
        return ((h[0] & 0xff) << 4) | ((h[1] & 0xff) >>> 4);
    }

    public byte[] get(byte[] key) {
        return buckets[bucket(key)].get(new Key(key));
    }

    /** Puts a value; {@code null} deletes. */
    public void put(byte[] key, byte[] value) {
        int b = bucket(key);
        Key k = new Key(key.clone());
        if (value == null) {
            if (buckets[b].remove(k) != null) {
                size--;
            }
        } else if (buckets[b].put(k, value.clone()) == null) {
            size++;
        }
        dirtyBuckets.set(b);
        dirty.put(k, value == null ? null : value.clone());
        anyDirty = true;
    }

    /** Loads a persisted entry without marking it dirty for persistence. */
    public void load(byte[] key, byte[] value) {
        int b = bucket(key);
        if (buckets[b].put(new Key(key), value) == null) {
            size++;
        }
        dirtyBuckets.set(b);
        anyDirty = true;
    }

    public int size() {
        return size;
    }

    /** Every entry in bucket order, then key order (deterministic). */
    public void forEach(BiConsumer<byte[], byte[]> action) {
        for (TreeMap<Key, byte[]> m : buckets) {
            m.forEach((k, v) -> action.accept(k.bytes, v));
        }
    }

    /** Changes since the last drain (value null = deleted), then forgets them. */
    public Map<Key, byte[]> drainDirty() {
        Map<Key, byte[]> out = new HashMap<>(dirty);
        dirty.clear();
        return out;
    }

    public byte[] root() {
        if (anyDirty) {
            MessageDigest md = Crypto.sha256();
            for (int b = dirtyBuckets.nextSetBit(0); b >= 0; b = dirtyBuckets.nextSetBit(b + 1)) {
                tree[BUCKETS + b] = bucketHash(md, buckets[b]);
                for (int n = (BUCKETS + b) >>> 1; n >= 1; n >>>= 1) {
                    tree[n] = null;
                }
            }
            dirtyBuckets.clear();
            hashNode(md, 1);
            anyDirty = false;
        }
        return tree[1].clone();
    }

    private byte[] hashNode(MessageDigest md, int n) {
        if (tree[n] == null) {
            byte[] l = hashNode(md, 2 * n);
            byte[] r = hashNode(md, 2 * n + 1);
            md.update((byte) 1);
            md.update(l);
            tree[n] = md.digest(r);
        }
        return tree[n];
    }

    private static byte[] bucketHash(MessageDigest md, TreeMap<Key, byte[]> m) {
        MessageDigest outer = Crypto.sha256();
        byte[] len = new byte[4];
        for (Map.Entry<Key, byte[]> e : m.entrySet()) {
            md.update((byte) 0);
            putInt(len, e.getKey().bytes.length);
            md.update(len);
            md.update(e.getKey().bytes);
            putInt(len, e.getValue().length);
            md.update(len);
            md.update(e.getValue());
            outer.update(md.digest());
        }
        return outer.digest();
    }

    private static void putInt(byte[] b, int v) {
        b[0] = (byte) (v >>> 24);
        b[1] = (byte) (v >>> 16);
        b[2] = (byte) (v >>> 8);
        b[3] = (byte) v;
    }
}
