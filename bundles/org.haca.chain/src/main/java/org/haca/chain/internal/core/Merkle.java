package org.haca.chain.internal.core;

import java.security.MessageDigest;
import java.util.List;

/**
 * Binary Merkle tree in the RFC 6962 style used by CometBFT: leaf = SHA-256(0x00 || data), node = SHA-256(0x01 ||
 * left || right), split at the largest power of two below n; the empty tree hashes to SHA-256 of nothing.
 */
public final class Merkle {
    private Merkle() {
    }

    public static byte[] root(List<byte[]> items) {
        MessageDigest md = Crypto.sha256();
        if (items.isEmpty()) {
            return md.digest();
        }
        byte[][] leaves = new byte[items.size()][];
        for (int i = 0; i < leaves.length; i++) {
            md.update((byte) 0);
            leaves[i] = md.digest(items.get(i));
        }
        return node(md, leaves, 0, leaves.length);
    }

    private static byte[] node(MessageDigest md, byte[][] leaves, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leaves[from];
        }
        int k = Integer.highestOneBit(n - 1);
        byte[] l = node(md, leaves, from, from + k);
        byte[] r = node(md, leaves, from + k, to);
        md.update((byte) 1);
        md.update(l);
        return md.digest(r);
    }
}
