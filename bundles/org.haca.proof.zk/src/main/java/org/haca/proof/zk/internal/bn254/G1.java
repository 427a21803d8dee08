package org.haca.proof.zk.internal.bn254;

import java.math.BigInteger;
import java.util.Objects;

/** INTERIM: G1 of BN254 (y² = x³ + 3 over Fq), immutable affine, BigInteger arithmetic. */
public final class G1 {
    private static final BigInteger Q = Fq.Q;
    private static final G1 INFINITY = new G1(null, null);
    private static final G1 GENERATOR = new G1(BigInteger.ONE, BigInteger.TWO);
    private final BigInteger x;
    private final BigInteger y;
    /** Montgomery limbs of (x, y), built on first use by the MSM. */
    private volatile long[] mont;

    private G1(BigInteger x, BigInteger y) {
        this.x = x;
        this.y = y;
    }

    public static G1 infinity() {
        return INFINITY;
    }

    public static G1 generator() {
        return GENERATOR;
    }

    /** Checked: coordinates in [0, q) and on the curve; (0, 0) is infinity. */
    public static G1 fromAffine(BigInteger x, BigInteger y) {
        if (x.signum() < 0 || x.compareTo(Q) >= 0 || y.signum() < 0 || y.compareTo(Q) >= 0) {
            throw new IllegalArgumentException("coordinate not in [0, q)");
        }
        if (x.signum() == 0 && y.signum() == 0) {
            return INFINITY;
        }
        if (!y.multiply(y).subtract(x.pow(3)).subtract(BigInteger.valueOf(3)).mod(Q).equals(BigInteger.ZERO)) {
            throw new IllegalArgumentException("point not on curve");
        }
        return new G1(x, y);
    }

    /** A point known to be on the curve (results of arithmetic). */
    static G1 trusted(BigInteger x, BigInteger y) {
        return new G1(x, y);
    }

    long[] mont() {
        long[] m = mont;
        if (m == null) {
            m = new long[8];
            Mont.Q.toMont(x, m, 0);
            Mont.Q.toMont(y, m, 4);
            mont = m;
        }
        return m;
    }

    public boolean isInfinity() {
        return x == null;
    }

    public BigInteger x() {
        return isInfinity() ? BigInteger.ZERO : x;
    }

    public BigInteger y() {
        return isInfinity() ? BigInteger.ZERO : y;
    }

    public G1 neg() {
        return isInfinity() ? this : new G1(x, y.negate().mod(Q));
    }

    public G1 add(G1 o) {
        if (isInfinity()) {
            return o;
        }
        if (o.isInfinity()) {
            return this;
        }
        BigInteger lambda;
        if (x.equals(o.x)) {
            if (!y.equals(o.y) || y.signum() == 0) {
                return INFINITY;
            }
            lambda = x.multiply(x).multiply(BigInteger.valueOf(3)).multiply(y.shiftLeft(1).modInverse(Q)).mod(Q);
        } else {
            lambda = o.y.subtract(y).multiply(o.x.subtract(x).modInverse(Q)).mod(Q);
        }
        BigInteger x3 = lambda.multiply(lambda).subtract(x).subtract(o.x).mod(Q);
        BigInteger y3 = lambda.multiply(x.subtract(x3)).subtract(y).mod(Q);
        return new G1(x3, y3);
    }

    public G1 mul(BigInteger k) {
        if (isInfinity() || k.signum() == 0) {
            return INFINITY;
        }
        BigInteger e = k.abs();
        Jacobian j = new Jacobian(FieldOps.fq());
        long[] acc = new long[12];
        long[] m = mont();
        for (int i = e.bitLength() - 1; i >= 0; i--) {
            j.dbl(acc, 0);
            if (e.testBit(i)) {
                j.addAffine(acc, 0, m, 0);
            }
        }
        G1 r = Msm.toG1(acc);
        return k.signum() < 0 ? r.neg() : r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof G1 p && Objects.equals(x, p.x) && Objects.equals(y, p.y);
    }

    @Override
    public int hashCode() {
        return Objects.hash(x, y);
    }
}
