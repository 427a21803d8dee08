package org.haca.proof.zk.internal.bn254;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The interim limb arithmetic against BigInteger and group laws. */
class InterimBn254Test {
    private final Random rnd = new Random(42);

    private BigInteger rand(BigInteger m) {
        return new BigInteger(300, rnd).mod(m);
    }

    @Test
    void montgomeryMatchesBigInteger() {
        for (Mont m : new Mont[] {Mont.Q, Mont.R}) {
            BigInteger p = m.modulus;
            long[] a = new long[4];
            long[] b = new long[4];
            long[] c = new long[4];
            for (int i = 0; i < 2000; i++) {
                BigInteger x = i == 0 ? p.subtract(BigInteger.ONE) : rand(p);
                BigInteger y = i == 1 ? p.subtract(BigInteger.ONE) : rand(p);
                m.toMont(x, a, 0);
                m.toMont(y, b, 0);
                m.mul(a, 0, b, 0, c, 0);
                assertEquals(x.multiply(y).mod(p), m.fromMont(c, 0));
                m.add(a, 0, b, 0, c, 0);
                assertEquals(x.add(y).mod(p), m.fromMont(c, 0));
                m.sub(a, 0, b, 0, c, 0);
                assertEquals(x.subtract(y).mod(p), m.fromMont(c, 0));
            }
        }
    }

    @Test
    void groupLaws() {
        G1 g = G1.generator();
        assertEquals(g.add(g), g.mul(BigInteger.TWO));
        assertTrue(g.mul(Fr.R).isInfinity());
        BigInteger a = rand(Fr.R);
        BigInteger b = rand(Fr.R);
        assertEquals(g.mul(a).add(g.mul(b)), g.mul(a.add(b)));
        G2 h = G2.fromAffine(
                new BigInteger("10857046999023057135944570762232829481370756359578518086990519993285655852781"),
                new BigInteger("11559732032986387107991004021392285783925812861821192530917403151452391805634"),
                new BigInteger("8495653923123431417604973247489272438418190587263600148770280649306958101930"),
                new BigInteger("4082367875863433681332203403145435568316851327593401208105741076214120093531"));
        assertEquals(h.add(h), h.mul(BigInteger.TWO));
        assertEquals(h.mul(a).add(h.mul(b)), h.mul(a.add(b)));
        // bilinearity: e(aG, bH) · e(−abG, H) = 1
        assertTrue(Pairing.pairingCheck(new G1[] {g.mul(a), g.mul(a.multiply(b)).neg()},
                new G2[] {h.mul(b), h}));
        assertTrue(!Pairing.pairingCheck(new G1[] {g.mul(a), g.mul(a.multiply(b).add(BigInteger.ONE)).neg()},
                new G2[] {h.mul(b), h}));
    }

    @Test
    void msmEqualsSumOfProducts() {
        for (int n : new int[] {1, 5, 40, 300, 1100}) {
            G1[] p = new G1[n];
            BigInteger[] s = new BigInteger[n];
            G1 expected = G1.infinity();
            for (int i = 0; i < n; i++) {
                p[i] = i == 3 ? G1.infinity() : G1.generator().mul(rand(Fr.R));
                s[i] = i == 2 ? Fr.R.subtract(BigInteger.ONE) : rand(Fr.R);
                if (n >= 40 && i >= 5 && i <= 7) { // opposite and equal points with equal scalars: the
                    p[i] = i == 5 ? p[4].neg() : p[4]; // bucket additions hit cancellation and doubling
                    s[i] = s[4];
                }
                expected = expected.add(p[i].mul(s[i]));
            }
            assertEquals(expected, Msm.g1(p, s), "n = " + n);
        }
        int n = 20;
        G2 h = G2.fromAffine(
                new BigInteger("10857046999023057135944570762232829481370756359578518086990519993285655852781"),
                new BigInteger("11559732032986387107991004021392285783925812861821192530917403151452391805634"),
                new BigInteger("8495653923123431417604973247489272438418190587263600148770280649306958101930"),
                new BigInteger("4082367875863433681332203403145435568316851327593401208105741076214120093531"));
        G2[] q = new G2[n];
        long[] fr = Fr.newArray(n);
        G2 expected = G2.infinity();
        for (int i = 0; i < n; i++) {
            q[i] = h.mul(rand(Fr.R));
            BigInteger s = rand(Fr.R);
            Fr.set(fr, i, s);
            expected = expected.add(q[i].mul(s));
        }
        assertEquals(expected, Msm.g2(q, fr, n));
    }

    @Test
    void nttRoundTripsAndEvaluates() {
        int log = 4;
        int n = 1 << log;
        long[] a = Fr.newArray(n);
        BigInteger[] c = new BigInteger[n];
        for (int i = 0; i < n; i++) {
            c[i] = rand(Fr.R);
            Fr.set(a, i, c[i]);
        }
        long[] orig = a.clone();
        Ntt.forward(a, log);
        BigInteger w = Ntt.rootOfUnity(log);
        for (int k = 0; k < n; k++) {
            BigInteger x = w.modPow(BigInteger.valueOf(k), Fr.R);
            BigInteger v = BigInteger.ZERO;
            for (int i = n - 1; i >= 0; i--) {
                v = v.multiply(x).add(c[i]).mod(Fr.R);
            }
            assertEquals(v, Fr.get(a, k));
        }
        Ntt.inverse(a, log);
        assertTrue(java.util.Arrays.equals(orig, a));
    }
}
