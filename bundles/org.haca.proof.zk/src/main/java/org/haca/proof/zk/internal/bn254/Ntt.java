package org.haca.proof.zk.internal.bn254;

import java.math.BigInteger;

/** INTERIM: radix-2 NTT over Fr arrays on snarkjs's domains (root w[k] = (5^((r−1)/2^28))^(2^(28−k))). */
public final class Ntt {
    private static final BigInteger R = Fr.R;

    private Ntt() {
    }

    public static BigInteger rootOfUnity(int logN) {
        BigInteger w = BigInteger.valueOf(5).modPow(R.subtract(BigInteger.ONE).shiftRight(28), R);
        for (int i = logN; i < 28; i++) {
            w = w.multiply(w).mod(R);
        }
        return w;
    }

    /** Evaluations at ω^i from coefficients, in place, natural order. */
    public static void forward(long[] a, int logN) {
        transform(a, logN, rootOfUnity(logN));
    }

    /** Coefficients from evaluations at ω^i, in place. */
    public static void inverse(long[] a, int logN) {
        int n = 1 << logN;
        transform(a, logN, rootOfUnity(logN).modInverse(R));
        long[] nInv = Fr.newArray(1);
        Fr.set(nInv, 0, BigInteger.valueOf(n).modInverse(R));
        for (int i = 0; i < n; i++) {
            Fr.mul(a, i, nInv, 0, a, i);
        }
    }

    /** a[i] *= shift^i. */
    public static void mulByPowers(long[] a, int n, BigInteger shift) {
        long[] p = Fr.newArray(2);
        Fr.set(p, 0, BigInteger.ONE);
        Fr.set(p, 1, shift);
        for (int i = 0; i < n; i++) {
            Fr.mul(a, i, p, 0, a, i);
            Fr.mul(p, 0, p, 1, p, 0);
        }
    }

    private static void transform(long[] a, int logN, BigInteger omega) {
        int n = 1 << logN;
        for (int i = 0; i < n; i++) {
            int j = logN == 0 ? 0 : Integer.reverse(i) >>> (32 - logN);
            if (j > i) {
                for (int k = 0; k < 4; k++) {
                    long t = a[4 * i + k];
                    a[4 * i + k] = a[4 * j + k];
                    a[4 * j + k] = t;
                }
            }
        }
        // twiddles ω^k for k < n/2
        long[] tw = Fr.newArray(Math.max(1, n / 2));
        Fr.set(tw, 0, BigInteger.ONE);
        long[] om = Fr.newArray(1);
        Fr.set(om, 0, omega);
        for (int k = 1; k < n / 2; k++) {
            Fr.mul(tw, k - 1, om, 0, tw, k);
        }
        long[] t = Fr.newArray(1);
        for (int len = 2; len <= n; len <<= 1) {
            int half = len / 2;
            int step = n / len;
            for (int s = 0; s < n; s += len) {
                for (int j = 0; j < half; j++) {
                    Fr.mul(a, s + j + half, tw, j * step, t, 0);
                    Fr.sub(a, s + j, t, 0, a, s + j + half);
                    Fr.add(a, s + j, t, 0, a, s + j);
                }
            }
        }
    }
}
