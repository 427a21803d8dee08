package org.haca.proof.zk.internal.bn254;

import java.math.BigInteger;

/** INTERIM: Fq2 = Fq[u]/(u² + 1), BigInteger. */
record Fq2(BigInteger a, BigInteger b) {
    static final Fq2 ZERO = new Fq2(BigInteger.ZERO, BigInteger.ZERO);
    static final Fq2 ONE = new Fq2(BigInteger.ONE, BigInteger.ZERO);
    private static final BigInteger Q = Fq.Q;

    Fq2 add(Fq2 o) {
        return new Fq2(a.add(o.a).mod(Q), b.add(o.b).mod(Q));
    }

    Fq2 sub(Fq2 o) {
        return new Fq2(a.subtract(o.a).mod(Q), b.subtract(o.b).mod(Q));
    }

    Fq2 mul(Fq2 o) {
        return new Fq2(a.multiply(o.a).subtract(b.multiply(o.b)).mod(Q),
                a.multiply(o.b).add(b.multiply(o.a)).mod(Q));
    }

    Fq2 mul(BigInteger k) {
        return new Fq2(a.multiply(k).mod(Q), b.multiply(k).mod(Q));
    }

    Fq2 neg() {
        return new Fq2(a.negate().mod(Q), b.negate().mod(Q));
    }

    Fq2 inverse() {
        BigInteger norm = a.multiply(a).add(b.multiply(b)).mod(Q).modInverse(Q);
        return new Fq2(a.multiply(norm).mod(Q), b.negate().multiply(norm).mod(Q));
    }

    boolean isZero() {
        return a.signum() == 0 && b.signum() == 0;
    }
}
