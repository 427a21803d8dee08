package org.haca.proof.zk.internal.bn254;

import java.math.BigInteger;

/**
 * INTERIM: the reduced Tate pairing of BN254, BigInteger arithmetic in Fq12 = Fq[w]/(w^12 − 18w^6 + 82)
 * (w^6 = 9 + u). Slow but simple; replaced by branch bn254's optimal ate pairing.
 */
public final class Pairing {
    private static final BigInteger Q = Fq.Q;
    /** The hard part of the final exponentiation, (q^4 − q^2 + 1)/r. */
    private static final BigInteger HARD_EXP = Q.pow(4).subtract(Q.pow(2)).add(BigInteger.ONE).divide(G2.R);
    /** (w^q)^k for k = 0..11: the Frobenius f ↦ f^q maps Σ c_k·w^k to Σ c_k·(w^q)^k (c_k ∈ Fq are fixed). */
    private static final BigInteger[][] FROB = frobeniusPowers();

    private Pairing() {
    }

    /** Π e(p[i], q[i]) == 1. */
    public static boolean pairingCheck(G1[] p, G2[] q) {
        if (p.length != q.length) {
            throw new IllegalArgumentException("pairing check needs as many G1 as G2 points");
        }
        BigInteger[] f = one();
        for (int i = 0; i < p.length; i++) {
            if (p[i].isInfinity() || q[i].isInfinity()) {
                continue;
            }
            f = mul(f, miller(p[i], q[i]));
        }
        return isOne(finalExponentiation(f));
    }

    /** f^((q^12 − 1)/r) = ((f^(q^6 − 1))^(q^2 + 1))^((q^4 − q^2 + 1)/r); easy part by Frobenius maps. */
    private static BigInteger[] finalExponentiation(BigInteger[] f) {
        if (isZero(f)) {
            return f;
        }
        BigInteger[] f6 = f;
        for (int i = 0; i < 6; i++) {
            f6 = frobenius(f6);
        }
        BigInteger[] f1 = mul(f6, inverse(f));
        BigInteger[] f2 = mul(frobenius(frobenius(f1)), f1);
        return pow(f2, HARD_EXP);
    }

    private static BigInteger[][] frobeniusPowers() {
        BigInteger[] w = zero();
        w[1] = BigInteger.ONE;
        BigInteger[] wq = pow(w, Q);
        BigInteger[][] out = new BigInteger[12][];
        out[0] = one();
        for (int k = 1; k < 12; k++) {
            out[k] = mul(out[k - 1], wq);
        }
        return out;
    }

    private static BigInteger[] frobenius(BigInteger[] f) {
        BigInteger[] acc = new BigInteger[12];
        java.util.Arrays.fill(acc, BigInteger.ZERO);
        for (int k = 0; k < 12; k++) {
            if (f[k].signum() == 0) {
                continue;
            }
            for (int j = 0; j < 12; j++) {
                acc[j] = acc[j].add(f[k].multiply(FROB[k][j]));
            }
        }
        for (int j = 0; j < 12; j++) {
            acc[j] = acc[j].mod(Q);
        }
        return acc;
    }

    /** f^{-1} = (Π_{i=1..11} f^(q^i)) / N(f), the norm N(f) = Π_{i=0..11} f^(q^i) lying in Fq. */
    private static BigInteger[] inverse(BigInteger[] f) {
        BigInteger[] g = frobenius(f);
        BigInteger[] prod = g;
        for (int i = 2; i < 12; i++) {
            g = frobenius(g);
            prod = mul(prod, g);
        }
        BigInteger norm = mul(f, prod)[0];
        BigInteger inv = norm.modInverse(Q);
        BigInteger[] out = new BigInteger[12];
        for (int k = 0; k < 12; k++) {
            out[k] = prod[k].multiply(inv).mod(Q);
        }
        return out;
    }

    private static boolean isZero(BigInteger[] f) {
        for (BigInteger c : f) {
            if (c.signum() != 0) {
                return false;
            }
        }
        return true;
    }

    private static BigInteger[] miller(G1 p, G2 q) {
        BigInteger[] xq = untwist(q.x, 2);
        BigInteger[] yq = untwist(q.y, 3);
        BigInteger[] f = one();
        BigInteger xt = p.x();
        BigInteger yt = p.y();
        BigInteger r = G2.R;
        for (int i = r.bitLength() - 2; i >= 0; i--) {
            BigInteger lambda = xt.multiply(xt).multiply(BigInteger.valueOf(3))
                    .multiply(yt.shiftLeft(1).modInverse(Q)).mod(Q);
            f = mul(mul(f, f), line(lambda, xt, yt, xq, yq));
            BigInteger x3 = lambda.multiply(lambda).subtract(xt.shiftLeft(1)).mod(Q);
            yt = lambda.multiply(xt.subtract(x3)).subtract(yt).mod(Q);
            xt = x3;
            if (r.testBit(i)) {
                if (xt.equals(p.x())) {
                    // T = −P: vertical line (in Fq6, removed by the final exponentiation); T + P = O
                    continue;
                }
                lambda = p.y().subtract(yt).multiply(p.x().subtract(xt).modInverse(Q)).mod(Q);
                f = mul(f, line(lambda, xt, yt, xq, yq));
                x3 = lambda.multiply(lambda).subtract(xt).subtract(p.x()).mod(Q);
                yt = lambda.multiply(xt.subtract(x3)).subtract(yt).mod(Q);
                xt = x3;
            }
        }
        return f;
    }

    /** y_Q − y_T − λ(x_Q − x_T). */
    private static BigInteger[] line(BigInteger lambda, BigInteger xt, BigInteger yt, BigInteger[] xq,
            BigInteger[] yq) {
        BigInteger[] l = new BigInteger[12];
        for (int k = 0; k < 12; k++) {
            l[k] = yq[k].subtract(lambda.multiply(xq[k])).mod(Q);
        }
        l[0] = l[0].add(lambda.multiply(xt)).subtract(yt).mod(Q);
        return l;
    }

    /** (a + b·u)·w^shift with u = w^6 − 9. */
    private static BigInteger[] untwist(Fq2 c, int shift) {
        BigInteger[] out = zero();
        out[shift] = c.a().subtract(c.b().multiply(BigInteger.valueOf(9))).mod(Q);
        out[shift + 6] = c.b();
        return out;
    }

    private static BigInteger[] zero() {
        BigInteger[] z = new BigInteger[12];
        java.util.Arrays.fill(z, BigInteger.ZERO);
        return z;
    }

    private static BigInteger[] one() {
        BigInteger[] o = zero();
        o[0] = BigInteger.ONE;
        return o;
    }

    private static boolean isOne(BigInteger[] f) {
        for (int k = 0; k < 12; k++) {
            if (!f[k].equals(k == 0 ? BigInteger.ONE : BigInteger.ZERO)) {
                return false;
            }
        }
        return true;
    }

    private static BigInteger[] mul(BigInteger[] a, BigInteger[] b) {
        BigInteger[] c = new BigInteger[23];
        java.util.Arrays.fill(c, BigInteger.ZERO);
        for (int i = 0; i < 12; i++) {
            if (a[i].signum() == 0) {
                continue;
            }
            for (int j = 0; j < 12; j++) {
                c[i + j] = c[i + j].add(a[i].multiply(b[j]));
            }
        }
        for (int k = 22; k >= 12; k--) {
            BigInteger v = c[k].mod(Q);
            c[k - 6] = c[k - 6].add(v.multiply(BigInteger.valueOf(18)));
            c[k - 12] = c[k - 12].subtract(v.multiply(BigInteger.valueOf(82)));
        }
        BigInteger[] out = new BigInteger[12];
        for (int k = 0; k < 12; k++) {
            out[k] = c[k].mod(Q);
        }
        return out;
    }

    private static BigInteger[] pow(BigInteger[] f, BigInteger e) {
        BigInteger[] acc = one();
        for (int i = e.bitLength() - 1; i >= 0; i--) {
            acc = mul(acc, acc);
            if (e.testBit(i)) {
                acc = mul(acc, f);
            }
        }
        return acc;
    }
}
