package org.haca.proof.zk.internal.bn254;

import java.math.BigInteger;
import java.util.Objects;

/** INTERIM: G2 of BN254 on the twist y² = x³ + 3/(9 + u) over Fq2, immutable affine, BigInteger arithmetic. */
public final class G2 {
    static final BigInteger R = Fr.R;
    static final Fq2 B = new Fq2(BigInteger.valueOf(3), BigInteger.ZERO)
            .mul(new Fq2(BigInteger.valueOf(9), BigInteger.ONE).inverse());
    private static final G2 INFINITY = new G2(null, null);
    final Fq2 x;
    final Fq2 y;
    private volatile long[] mont;

    private G2(Fq2 x, Fq2 y) {
        this.x = x;
        this.y = y;
    }

    public static G2 infinity() {
        return INFINITY;
    }

    /** Checked: coordinates in [0, q), on the twist, in the order-r subgroup; all-zero is infinity. */
    public static G2 fromAffine(BigInteger x0, BigInteger x1, BigInteger y0, BigInteger y1) {
        for (BigInteger c : new BigInteger[] {x0, x1, y0, y1}) {
            if (c.signum() < 0 || c.compareTo(Fq.Q) >= 0) {
                throw new IllegalArgumentException("coordinate not in [0, q)");
            }
        }
        Fq2 x = new Fq2(x0, x1);
        Fq2 y = new Fq2(y0, y1);
        if (x.isZero() && y.isZero()) {
            return INFINITY;
        }
        if (!y.mul(y).sub(x.mul(x).mul(x)).sub(B).isZero()) {
            throw new IllegalArgumentException("point not on the twist");
        }
        G2 p = new G2(x, y);
        if (!p.isInSubgroup()) {
            throw new IllegalArgumentException("point not in the order-r subgroup");
        }
        return p;
    }

    static G2 trusted(Fq2 x, Fq2 y) {
        return new G2(x, y);
    }

    long[] mont() {
        long[] m = mont;
        if (m == null) {
            m = new long[16];
            Mont.Q.toMont(x.a(), m, 0);
            Mont.Q.toMont(x.b(), m, 4);
            Mont.Q.toMont(y.a(), m, 8);
            Mont.Q.toMont(y.b(), m, 12);
            mont = m;
        }
        return m;
    }

    public boolean isInSubgroup() {
        return mulUnchecked(R).isInfinity();
    }

    public boolean isInfinity() {
        return x == null;
    }

    public BigInteger x0() {
        return isInfinity() ? BigInteger.ZERO : x.a();
    }

    public BigInteger x1() {
        return isInfinity() ? BigInteger.ZERO : x.b();
    }

    public BigInteger y0() {
        return isInfinity() ? BigInteger.ZERO : y.a();
    }

    public BigInteger y1() {
        return isInfinity() ? BigInteger.ZERO : y.b();
    }

    public G2 neg() {
        return isInfinity() ? this : new G2(x, y.neg());
    }

    public G2 add(G2 o) {
        if (isInfinity()) {
            return o;
        }
        if (o.isInfinity()) {
            return this;
        }
        Fq2 lambda;
        if (x.equals(o.x)) {
            if (!y.equals(o.y) || y.isZero()) {
                return INFINITY;
            }
            lambda = x.mul(x).mul(BigInteger.valueOf(3)).mul(y.add(y).inverse());
        } else {
            lambda = o.y.sub(y).mul(o.x.sub(x).inverse());
        }
        Fq2 x3 = lambda.mul(lambda).sub(x).sub(o.x);
        Fq2 y3 = lambda.mul(x.sub(x3)).sub(y);
        return new G2(x3, y3);
    }

    public G2 mul(BigInteger k) {
        return mulUnchecked(k);
    }

    private G2 mulUnchecked(BigInteger k) {
        if (isInfinity() || k.signum() == 0) {
            return INFINITY;
        }
        BigInteger e = k.abs();
        Jacobian j = new Jacobian(FieldOps.fq2());
        long[] acc = new long[24];
        long[] m = mont();
        for (int i = e.bitLength() - 1; i >= 0; i--) {
            j.dbl(acc, 0);
            if (e.testBit(i)) {
                j.addAffine(acc, 0, m, 0);
            }
        }
        G2 r = Msm.toG2(acc);
        return k.signum() < 0 ? r.neg() : r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof G2 p && Objects.equals(x, p.x) && Objects.equals(y, p.y);
    }

    @Override
    public int hashCode() {
        return Objects.hash(x, y);
    }
}
