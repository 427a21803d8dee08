package org.haca.proof.zk.internal.bn254;

import java.math.BigInteger;

/**
 * INTERIM: scalar field arrays in the agreed layout (element i at limbs [4i, 4i+4), little-endian), canonical values,
 * BigInteger arithmetic. Replaced by branch bn254's Montgomery implementation.
 */
public final class Fr {
    public static final BigInteger R = G2.R;

    private Fr() {
    }

    public static long[] newArray(int n) {
        return new long[4 * n];
    }

    public static void set(long[] arr, int i, BigInteger v) {
        BigInteger m = v.mod(R);
        for (int k = 0; k < 4; k++) {
            arr[4 * i + k] = m.shiftRight(64 * k).longValue();
        }
    }

    public static BigInteger get(long[] arr, int i) {
        BigInteger v = BigInteger.ZERO;
        for (int k = 3; k >= 0; k--) {
            v = v.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(arr[4 * i + k])));
        }
        return v;
    }

    public static void add(long[] a, int ai, long[] b, int bi, long[] out, int oi) {
        set(out, oi, get(a, ai).add(get(b, bi)));
    }

    public static void sub(long[] a, int ai, long[] b, int bi, long[] out, int oi) {
        set(out, oi, get(a, ai).subtract(get(b, bi)));
    }

    public static void mul(long[] a, int ai, long[] b, int bi, long[] out, int oi) {
        set(out, oi, get(a, ai).multiply(get(b, bi)));
    }
}
