package org.haca.proof.zk.internal.bn254;

import java.math.BigInteger;
import java.util.stream.IntStream;

/** INTERIM: multi-scalar multiplication Σ s_i·P_i by Pippenger's bucket method on Montgomery limbs, windows in parallel. */
public final class Msm {

    private Msm() {
    }

    public static G1 g1(G1[] bases, long[] frScalars, int n) {
        long[] aff = new long[8 * n];
        boolean[] skip = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (bases[i].isInfinity()) {
                skip[i] = true;
            } else {
                System.arraycopy(bases[i].mont(), 0, aff, 8 * i, 8);
            }
        }
        long[] res = run(FieldOps::fq, aff, 8, skip, standard(frScalars, n), n);
        return toG1(res);
    }

    public static G1 g1(G1[] bases, BigInteger[] scalars) {
        long[] fr = Fr.newArray(scalars.length);
        for (int i = 0; i < scalars.length; i++) {
            Fr.set(fr, i, scalars[i]);
        }
        return g1(bases, fr, scalars.length);
    }

    public static G2 g2(G2[] bases, long[] frScalars, int n) {
        long[] aff = new long[16 * n];
        boolean[] skip = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (bases[i].isInfinity()) {
                skip[i] = true;
            } else {
                System.arraycopy(bases[i].mont(), 0, aff, 16 * i, 16);
            }
        }
        long[] res = run(FieldOps::fq2, aff, 16, skip, standard(frScalars, n), n);
        return toG2(res);
    }

    /** Scalars out of Montgomery form, 4 limbs each. */
    private static long[] standard(long[] fr, int n) {
        long[] s = new long[4 * n];
        long[] oneRaw = {1, 0, 0, 0};
        for (int i = 0; i < n; i++) {
            Mont.R.mul(fr, 4 * i, oneRaw, 0, s, 4 * i);
        }
        return s;
    }

    private static long[] run(java.util.function.Supplier<FieldOps> field, long[] aff, int affSize, boolean[] skip,
            long[] scalars, int n) {
        Jacobian jac = new Jacobian(field.get());
        // window width log2(n) − 3 with signed digits (buckets for 1..2^(c−1)); measured best with batched affine adds
        int c = n < 64 ? 4 : Math.max(5, 31 - Integer.numberOfLeadingZeros(n) - 3);
        int windows = 255 / c + 1;
        int[] digits = signedDigits(scalars, n, c, windows);
        int size = jac.size();
        int w = affSize / 2;
        long[][] partial = new long[windows][];
        IntStream.range(0, windows).parallel().forEach(wi -> {
            FieldOps f = field.get();
            Jacobian jw = new Jacobian(f);
            int nb = 1 << (c - 1);
            BatchAffineBuckets buckets = new BatchAffineBuckets(f, nb, Math.min(256, nb));
            for (int i = 0; i < n; i++) {
                if (skip[i]) {
                    continue;
                }
                int d = digits[i * windows + wi];
                if (d != 0) {
                    buckets.add(aff, i, d);
                }
            }
            buckets.finish(aff);
            long[] running = new long[size];
            long[] sum = new long[size];
            for (int b = nb - 1; b >= 0; b--) {
                if (buckets.has[b]) {
                    jw.addAffine(running, 0, buckets.bk, b * affSize);
                }
                jw.add(sum, 0, running, 0);
            }
            partial[wi] = sum;
        });
        long[] acc = new long[size];
        for (int wi = windows - 1; wi >= 0; wi--) {
            for (int k = 0; k < c; k++) {
                jac.dbl(acc, 0);
            }
            jac.add(acc, 0, partial[wi], 0);
        }
        return acc;
    }

    /** Digits in [−2^(c−1), 2^(c−1)] with Σ d_k·2^(c·k) = scalar (canonical 4-limb scalars below 2^254). */
    static int[] signedDigits(long[] scalars, int n, int c, int windows) {
        int[] out = new int[n * windows];
        int half = 1 << (c - 1);
        int full = 1 << c;
        for (int i = 0; i < n; i++) {
            int carry = 0;
            for (int k = 0; k < windows; k++) {
                int d = digit(scalars, 4 * i, k * c, c) + carry;
                if (d > half) {
                    d -= full;
                    carry = 1;
                } else {
                    carry = 0;
                }
                out[i * windows + k] = d;
            }
        }
        return out;
    }

    private static int digit(long[] s, int o, int shift, int c) {
        int limb = shift >>> 6;
        int bit = shift & 63;
        if (limb >= 4) {
            return 0;
        }
        long v = s[o + limb] >>> bit;
        if (bit + c > 64 && limb + 1 < 4) {
            v |= s[o + limb + 1] << (64 - bit);
        }
        return (int) (v & ((1L << c) - 1));
    }

    static G1 toG1(long[] p) {
        Mont m = Mont.Q;
        if (Mont.isZero(p, 8)) {
            return G1.infinity();
        }
        BigInteger q = Fq.Q;
        BigInteger x = m.fromMont(p, 0);
        BigInteger y = m.fromMont(p, 4);
        BigInteger zi = m.fromMont(p, 8).modInverse(q);
        BigInteger zi2 = zi.multiply(zi).mod(q);
        return G1.trusted(x.multiply(zi2).mod(q), y.multiply(zi2).multiply(zi).mod(q));
    }

    static G2 toG2(long[] p) {
        Mont m = Mont.Q;
        Fq2 z = new Fq2(m.fromMont(p, 16), m.fromMont(p, 20));
        if (z.isZero()) {
            return G2.infinity();
        }
        Fq2 x = new Fq2(m.fromMont(p, 0), m.fromMont(p, 4));
        Fq2 y = new Fq2(m.fromMont(p, 8), m.fromMont(p, 12));
        Fq2 zi = z.inverse();
        Fq2 zi2 = zi.mul(zi);
        return G2.trusted(x.mul(zi2), y.mul(zi2).mul(zi));
    }
}
