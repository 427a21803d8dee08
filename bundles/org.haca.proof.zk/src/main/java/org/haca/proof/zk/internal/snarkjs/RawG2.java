package org.haca.proof.zk.internal.snarkjs;

import java.math.BigInteger;

/**
 * An affine G2 point as a file holds it: x = x0 + x1·u, y = y0 + y1·u over Fq2, canonical coordinates, not yet
 * checked against the curve. All-zero is the point at infinity.
 */
public record RawG2(BigInteger x0, BigInteger x1, BigInteger y0, BigInteger y1) {
    public static final RawG2 INFINITY = new RawG2(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO,
            BigInteger.ZERO);

    public RawG2 {
        Codec.checkBelow(x0, Bn128.Q, "G2 x.c0");
        Codec.checkBelow(x1, Bn128.Q, "G2 x.c1");
        Codec.checkBelow(y0, Bn128.Q, "G2 y.c0");
        Codec.checkBelow(y1, Bn128.Q, "G2 y.c1");
    }

    public boolean isInfinity() {
        return x0.signum() == 0 && x1.signum() == 0 && y0.signum() == 0 && y1.signum() == 0;
    }
}
