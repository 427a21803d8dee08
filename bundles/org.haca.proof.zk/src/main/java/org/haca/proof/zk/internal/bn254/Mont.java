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

    /** out = a·b·R^{-1} mod p. out may alias a or b. */
    void mul(long[] a, int ao, long[] b, int bo, long[] out, int oo) {
        long a0 = a[ao], a1 = a[ao + 1], a2 = a[ao + 2], a3 = a[ao + 3];
        long t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0;
        for (int i = 0; i < 4; i++) {
            long bi = b[bo + i];
            // t += a * bi
            long lo = a0 * bi;
            long hi = mulHi(a0, bi);
            long s = t0 + lo;
            long c = hi + (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
            t0 = s;
            lo = a1 * bi;
            hi = mulHi(a1, bi);
            s = t1 + lo;
            long c2 = hi + (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
            t1 = s + c;
            c = c2 + (Long.compareUnsigned(t1, s) < 0 ? 1 : 0);
            lo = a2 * bi;
            hi = mulHi(a2, bi);
            s = t2 + lo;
            c2 = hi + (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
            t2 = s + c;
            c = c2 + (Long.compareUnsigned(t2, s) < 0 ? 1 : 0);
            lo = a3 * bi;
            hi = mulHi(a3, bi);
            s = t3 + lo;
            c2 = hi + (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
            t3 = s + c;
            c = c2 + (Long.compareUnsigned(t3, s) < 0 ? 1 : 0);
            t4 = c;
            // reduce: t = (t + m·p) / 2^64
            long m = t0 * inv;
            lo = m * p0;
            hi = mulHi(m, p0);
            s = t0 + lo;
            c = hi + (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
            lo = m * p1;
            hi = mulHi(m, p1);
            s = t1 + lo;
            c2 = hi + (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
            t0 = s + c;
            c = c2 + (Long.compareUnsigned(t0, s) < 0 ? 1 : 0);
            lo = m * p2;
            hi = mulHi(m, p2);
            s = t2 + lo;
            c2 = hi + (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
            t1 = s + c;
            c = c2 + (Long.compareUnsigned(t1, s) < 0 ? 1 : 0);
            lo = m * p3;
            hi = mulHi(m, p3);
            s = t3 + lo;
            c2 = hi + (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
            t2 = s + c;
            c = c2 + (Long.compareUnsigned(t2, s) < 0 ? 1 : 0);
            t3 = t4 + c; // p < 2^254 keeps t below 2p < 2^256: no further carry
        }
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
