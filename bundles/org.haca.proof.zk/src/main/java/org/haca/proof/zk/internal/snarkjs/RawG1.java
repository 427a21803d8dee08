package org.haca.proof.zk.internal.snarkjs;

import java.math.BigInteger;

/**
 * An affine G1 point exactly as a file holds it: canonical coordinates (0 ≤ x, y &lt; q), not yet checked against
 * the curve (the Groth16 layer does that when it converts to curve points). (0, 0) is the point at infinity, as in
 * the iden3 binary encodings.
 */
public record RawG1(BigInteger x, BigInteger y) {
    public static final RawG1 INFINITY = new RawG1(BigInteger.ZERO, BigInteger.ZERO);

    public RawG1 {
        Codec.checkBelow(x, Bn128.Q, "G1 x");
        Codec.checkBelow(y, Bn128.Q, "G1 y");
    }

    public boolean isInfinity() {
        return x.signum() == 0 && y.signum() == 0;
    }
}
