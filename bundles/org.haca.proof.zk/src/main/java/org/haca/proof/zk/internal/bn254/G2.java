package org.haca.proof.zk.internal.bn254;

import java.math.BigInteger;
import java.util.Objects;

/** INTERIM: G2 of BN254 on the twist y² = x³ + 3/(9 + u) over Fq2, immutable affine, BigInteger arithmetic. */
public final class G2 {
    static final BigInteger R = new BigInteger(
            "21888242871839275222246405745257275088548364400416034343698204186575808495617");
    static final Fq2 B = new Fq2(BigInteger.valueOf(3), BigInteger.ZERO)
            .mul(new Fq2(BigInteger.valueOf(9), BigInteger.ONE).inverse());
    private static final G2 INFINITY = new G2(null, null);
    final Fq2 x;
    final Fq2 y;

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
        G2 acc = INFINITY;
        for (int i = k.bitLength() - 1; i >= 0; i--) {
            acc = acc.add(acc);
            if (k.testBit(i)) {
                acc = acc.add(this);
            }
        }
        return k.signum() < 0 ? acc.neg() : acc;
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
