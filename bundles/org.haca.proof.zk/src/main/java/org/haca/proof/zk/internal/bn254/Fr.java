package org.haca.proof.zk.internal.bn254;

import java.math.BigInteger;

/**
 * INTERIM: scalar field arrays in the agreed layout (element i at limbs [4i, 4i+4), little-endian), Montgomery
 * form. Indices are element indices.
 */
public final class Fr {
    public static final BigInteger R = new BigInteger(
            "21888242871839275222246405745257275088548364400416034343698204186575808495617");

    private Fr() {
    }

    public static long[] newArray(int n) {
        return new long[4 * n];
    }

    public static void set(long[] arr, int i, BigInteger v) {
        Mont.R.toMont(v, arr, 4 * i);
    }

    public static BigInteger get(long[] arr, int i) {
        return Mont.R.fromMont(arr, 4 * i);
    }

    public static void add(long[] a, int ai, long[] b, int bi, long[] out, int oi) {
        Mont.R.add(a, 4 * ai, b, 4 * bi, out, 4 * oi);
    }

    public static void sub(long[] a, int ai, long[] b, int bi, long[] out, int oi) {
        Mont.R.sub(a, 4 * ai, b, 4 * bi, out, 4 * oi);
    }

    public static void mul(long[] a, int ai, long[] b, int bi, long[] out, int oi) {
        Mont.R.mul(a, 4 * ai, b, 4 * bi, out, 4 * oi);
    }
}
