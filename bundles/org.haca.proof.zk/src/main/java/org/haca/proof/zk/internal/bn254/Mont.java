package org.haca.proof.zk.internal.bn254;

import java.math.BigInteger;

/**
 * INTERIM: Montgomery arithmetic modulo a 254-bit prime on 4 × 64-bit little-endian limbs (R = 2^256), elements at
 * offsets of long arrays. CIOS multiplication; values kept fully reduced (&lt; p).
 */
final class Mont {
    final BigInteger modulus;
    final long p0;
    final long p1;
    final long p2;
    final long p3;
    /** −p^{-1} mod 2^64. */
    final long inv;
    final long[] one;
    final long[] r2;

    static final Mont Q = new Mont(Fq.Q);
    static final Mont R = new Mont(Fr.R);

    private Mont(BigInteger p) {
        modulus = p;
        long[] l = limbs(p);
        p0 = l[0];
        p1 = l[1];
        p2 = l[2];
        p3 = l[3];
        long x = 1;
        for (int i = 0; i < 63; i++) {
            x *= 2 - p0 * x; // Newton iteration for p0^{-1} mod 2^64
        }
        inv = -x;
        one = limbs(BigInteger.ONE.shiftLeft(256).mod(p));
        r2 = limbs(BigInteger.ONE.shiftLeft(512).mod(p));
    }

    static long[] limbs(BigInteger v) {
        long[] l = new long[4];
        for (int k = 0; k < 4; k++) {
            l[k] = v.shiftRight(64 * k).longValue();
        }
        return l;
    }

    static BigInteger big(long[] a, int o) {
        BigInteger v = BigInteger.ZERO;
        for (int k = 3; k >= 0; k--) {
            v = v.shiftLeft(64).or(BigInteger.valueOf(a[o + k] >>> 1).shiftLeft(1)
                    .or(BigInteger.valueOf(a[o + k] & 1)));
        }
        return v;
    }

    /** out = v·R mod p (Montgomery form of a canonical or any non-negative v). */
    void toMont(BigInteger v, long[] out, int o) {
        long[] l = limbs(v.mod(modulus));
        mul(l, 0, r2, 0, out, o);
    }

    BigInteger fromMont(long[] a, int o) {
        long[] t = new long[4];
        long[] oneRaw = {1, 0, 0, 0};
        mul(a, o, oneRaw, 0, t, 0);
        return big(t, 0);
    }

    static long mulHi(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    /** out = a·b·R^{-1} mod p (no-carry CIOS: the top limb of p is below 2^63 − 1). out may alias a or b. */
    void mul(long[] a, int ao, long[] b, int bo, long[] out, int oo) {
        final long a0 = a[ao], a1 = a[ao + 1], a2 = a[ao + 2], a3 = a[ao + 3];
        final long b0 = b[bo], b1 = b[bo + 1], b2 = b[bo + 2], b3 = b[bo + 3];
        long t0 = 0, t1 = 0, t2 = 0, t3 = 0;
        long lo, hi, s, carryA, carryC, m;
        // round 0
        lo = a0 * b0; hi = mulHi(a0, b0);
        s = lo + t0; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; t0 = s; carryA = hi;
        m = t0 * inv;
        lo = m * p0; hi = mulHi(m, p0);
        s = lo + t0; carryC = hi + (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
        lo = a1 * b0; hi = mulHi(a1, b0);
        s = lo + carryA; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s + t1; hi += Long.compareUnsigned(lo, s) < 0 ? 1 : 0; t1 = lo; carryA = hi;
        lo = m * p1; hi = mulHi(m, p1);
        s = lo + t1; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s + carryC; hi += Long.compareUnsigned(lo, s) < 0 ? 1 : 0; t0 = lo; carryC = hi;
        lo = a2 * b0; hi = mulHi(a2, b0);
        s = lo + carryA; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s + t2; hi += Long.compareUnsigned(lo, s) < 0 ? 1 : 0; t2 = lo; carryA = hi;
        lo = m * p2; hi = mulHi(m, p2);
        s = lo + t2; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s + carryC; hi += Long.compareUnsigned(lo, s) < 0 ? 1 : 0; t1 = lo; carryC = hi;
        lo = a3 * b0; hi = mulHi(a3, b0);
        s = lo + carryA; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s + t3; hi += Long.compareUnsigned(lo, s) < 0 ? 1 : 0; t3 = lo; carryA = hi;
        lo = m * p3; hi = mulHi(m, p3);
        s = lo + t3; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s + carryC; hi += Long.compareUnsigned(lo, s) < 0 ? 1 : 0; t2 = lo; carryC = hi;
        t3 = carryC + carryA;
        // round 1
        lo = a0 * b1; hi = mulHi(a0, b1);
        s = lo + t0; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; t0 = s; carryA = hi;
        m = t0 * inv;
        lo = m * p0; hi = mulHi(m, p0);
        s = lo + t0; carryC = hi + (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
        lo = a1 * b1; hi = mulHi(a1, b1);
        s = lo + carryA; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s + t1; hi += Long.compareUnsigned(lo, s) < 0 ? 1 : 0; t1 = lo; carryA = hi;
        lo = m * p1; hi = mulHi(m, p1);
        s = lo + t1; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s + carryC; hi += Long.compareUnsigned(lo, s) < 0 ? 1 : 0; t0 = lo; carryC = hi;
        lo = a2 * b1; hi = mulHi(a2, b1);
        s = lo + carryA; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s + t2; hi += Long.compareUnsigned(lo, s) < 0 ? 1 : 0; t2 = lo; carryA = hi;
        lo = m * p2; hi = mulHi(m, p2);
        s = lo + t2; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s + carryC; hi += Long.compareUnsigned(lo, s) < 0 ? 1 : 0; t1 = lo; carryC = hi;
        lo = a3 * b1; hi = mulHi(a3, b1);
        s = lo + carryA; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s + t3; hi += Long.compareUnsigned(lo, s) < 0 ? 1 : 0; t3 = lo; carryA = hi;
        lo = m * p3; hi = mulHi(m, p3);
        s = lo + t3; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s + carryC; hi += Long.compareUnsigned(lo, s) < 0 ? 1 : 0; t2 = lo; carryC = hi;
        t3 = carryC + carryA;
        // round 2
        lo = a0 * b2; hi = mulHi(a0, b2);
        s = lo + t0; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; t0 = s; carryA = hi;
        m = t0 * inv;
        lo = m * p0; hi = mulHi(m, p0);
        s = lo + t0; carryC = hi + (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
        lo = a1 * b2; hi = mulHi(a1, b2);
        s = lo + carryA; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s + t1; hi += Long.compareUnsigned(lo, s) < 0 ? 1 : 0; t1 = lo; carryA = hi;
        lo = m * p1; hi = mulHi(m, p1);
        s = lo + t1; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s + carryC; hi += Long.compareUnsigned(lo, s) < 0 ? 1 : 0; t0 = lo; carryC = hi;
        lo = a2 * b2; hi = mulHi(a2, b2);
        s = lo + carryA; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s + t2; hi += Long.compareUnsigned(lo, s) < 0 ? 1 : 0; t2 = lo; carryA = hi;
        lo = m * p2; hi = mulHi(m, p2);
        s = lo + t2; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s + carryC; hi += Long.compareUnsigned(lo, s) < 0 ? 1 : 0; t1 = lo; carryC = hi;
        lo = a3 * b2; hi = mulHi(a3, b2);
        s = lo + carryA; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s + t3; hi += Long.compareUnsigned(lo, s) < 0 ? 1 : 0; t3 = lo; carryA = hi;
        lo = m * p3; hi = mulHi(m, p3);
        s = lo + t3; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s + carryC; hi += Long.compareUnsigned(lo, s) < 0 ? 1 : 0; t2 = lo; carryC = hi;
        t3 = carryC + carryA;
        // round 3
        lo = a0 * b3; hi = mulHi(a0, b3);
        s = lo + t0; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; t0 = s; carryA = hi;
        m = t0 * inv;
        lo = m * p0; hi = mulHi(m, p0);
        s = lo + t0; carryC = hi + (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
        lo = a1 * b3; hi = mulHi(a1, b3);
        s = lo + carryA; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s + t1; hi += Long.compareUnsigned(lo, s) < 0 ? 1 : 0; t1 = lo; carryA = hi;
        lo = m * p1; hi = mulHi(m, p1);
        s = lo + t1; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s + carryC; hi += Long.compareUnsigned(lo, s) < 0 ? 1 : 0; t0 = lo; carryC = hi;
        lo = a2 * b3; hi = mulHi(a2, b3);
        s = lo + carryA; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s + t2; hi += Long.compareUnsigned(lo, s) < 0 ? 1 : 0; t2 = lo; carryA = hi;
        lo = m * p2; hi = mulHi(m, p2);
        s = lo + t2; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s + carryC; hi += Long.compareUnsigned(lo, s) < 0 ? 1 : 0; t1 = lo; carryC = hi;
        lo = a3 * b3; hi = mulHi(a3, b3);
        s = lo + carryA; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s + t3; hi += Long.compareUnsigned(lo, s) < 0 ? 1 : 0; t3 = lo; carryA = hi;
        lo = m * p3; hi = mulHi(m, p3);
        s = lo + t3; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        lo = s + carryC; hi += Long.compareUnsigned(lo, s) < 0 ? 1 : 0; t2 = lo; carryC = hi;
        t3 = carryC + carryA;
        reduceOnce(t0, t1, t2, t3, out, oo);
    }

    private void reduceOnce(long t0, long t1, long t2, long t3, long[] out, int oo) {
        long d0 = t0 - p0;
        long b = Long.compareUnsigned(t0, p0) < 0 ? 1 : 0;
        long d1 = t1 - p1 - b;
        b = (Long.compareUnsigned(t1, p1) < 0 || (t1 == p1 && b == 1)) ? 1 : 0;
        long d2 = t2 - p2 - b;
        b = (Long.compareUnsigned(t2, p2) < 0 || (t2 == p2 && b == 1)) ? 1 : 0;
        long d3 = t3 - p3 - b;
        b = (Long.compareUnsigned(t3, p3) < 0 || (t3 == p3 && b == 1)) ? 1 : 0;
        if (b == 0) {
            out[oo] = d0;
            out[oo + 1] = d1;
            out[oo + 2] = d2;
            out[oo + 3] = d3;
        } else {
            out[oo] = t0;
            out[oo + 1] = t1;
            out[oo + 2] = t2;
            out[oo + 3] = t3;
        }
    }

    void add(long[] a, int ao, long[] b, int bo, long[] out, int oo) {
        long s0 = a[ao] + b[bo];
        long c = Long.compareUnsigned(s0, a[ao]) < 0 ? 1 : 0;
        long x = a[ao + 1] + b[bo + 1];
        long c2 = Long.compareUnsigned(x, a[ao + 1]) < 0 ? 1 : 0;
        long s1 = x + c;
        c = c2 | (Long.compareUnsigned(s1, x) < 0 ? 1 : 0);
        x = a[ao + 2] + b[bo + 2];
        c2 = Long.compareUnsigned(x, a[ao + 2]) < 0 ? 1 : 0;
        long s2 = x + c;
        c = c2 | (Long.compareUnsigned(s2, x) < 0 ? 1 : 0);
        long s3 = a[ao + 3] + b[bo + 3] + c; // < 2^255: no overflow for p < 2^254
        reduceOnce(s0, s1, s2, s3, out, oo);
    }

    void sub(long[] a, int ao, long[] b, int bo, long[] out, int oo) {
        long a0 = a[ao], a1 = a[ao + 1], a2 = a[ao + 2], a3 = a[ao + 3];
        long b0 = b[bo], b1 = b[bo + 1], b2 = b[bo + 2], b3 = b[bo + 3];
        long d0 = a0 - b0;
        long br = Long.compareUnsigned(a0, b0) < 0 ? 1 : 0;
        long d1 = a1 - b1 - br;
        br = (Long.compareUnsigned(a1, b1) < 0 || (a1 == b1 && br == 1)) ? 1 : 0;
        long d2 = a2 - b2 - br;
        br = (Long.compareUnsigned(a2, b2) < 0 || (a2 == b2 && br == 1)) ? 1 : 0;
        long d3 = a3 - b3 - br;
        br = (Long.compareUnsigned(a3, b3) < 0 || (a3 == b3 && br == 1)) ? 1 : 0;
        if (br != 0) { // add p back
            long s0 = d0 + p0;
            long c = Long.compareUnsigned(s0, d0) < 0 ? 1 : 0;
            long x = d1 + p1;
            long c2 = Long.compareUnsigned(x, d1) < 0 ? 1 : 0;
            long s1 = x + c;
            c = c2 | (Long.compareUnsigned(s1, x) < 0 ? 1 : 0);
            x = d2 + p2;
            c2 = Long.compareUnsigned(x, d2) < 0 ? 1 : 0;
            long s2 = x + c;
            c = c2 | (Long.compareUnsigned(s2, x) < 0 ? 1 : 0);
            d0 = s0;
            d1 = s1;
            d2 = s2;
            d3 = d3 + p3 + c;
        }
        out[oo] = d0;
        out[oo + 1] = d1;
        out[oo + 2] = d2;
        out[oo + 3] = d3;
    }

    static boolean isZero(long[] a, int o) {
        return (a[o] | a[o + 1] | a[o + 2] | a[o + 3]) == 0;
    }

    static boolean eq(long[] a, int ao, long[] b, int bo) {
        return a[ao] == b[bo] && a[ao + 1] == b[bo + 1] && a[ao + 2] == b[bo + 2] && a[ao + 3] == b[bo + 3];
    }
}
