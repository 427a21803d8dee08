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
        BigInteger nInv = BigInteger.valueOf(n).modInverse(R);
        for (int i = 0; i < n; i++) {
            Fr.set(a, i, Fr.get(a, i).multiply(nInv));
        }
    }

    /** a[i] *= shift^i. */
    public static void mulByPowers(long[] a, int n, BigInteger shift) {
        BigInteger p = BigInteger.ONE;
        for (int i = 0; i < n; i++) {
            Fr.set(a, i, Fr.get(a, i).multiply(p));
            p = p.multiply(shift).mod(R);
        }
    }

    private static void transform(long[] arr, int logN, BigInteger omega) {
        int n = 1 << logN;
        BigInteger[] v = new BigInteger[n];
        for (int i = 0; i < n; i++) {
            v[Integer.reverse(i) >>> (32 - logN) & (n - 1)] = Fr.get(arr, i);
        }
        if (logN == 0) {
            v[0] = Fr.get(arr, 0);
        }
        for (int len = 2; len <= n; len <<= 1) {
            BigInteger wLen = omega.modPow(BigInteger.valueOf(n / len), R);
            for (int s = 0; s < n; s += len) {
                BigInteger w = BigInteger.ONE;
                for (int j = 0; j < len / 2; j++) {
                    BigInteger u = v[s + j];
                    BigInteger t = v[s + j + len / 2].multiply(w).mod(R);
                    v[s + j] = u.add(t).mod(R);
                    v[s + j + len / 2] = u.subtract(t).mod(R);
                    w = w.multiply(wLen).mod(R);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            Fr.set(arr, i, v[i]);
        }
    }
}
