package org.haca.proof.zk.internal.r1cs;

import java.math.BigInteger;

/** The BN254 scalar field modulus r (circom's prime; snarkjs curve "bn128"). */
public final class Field {
    public static final BigInteger R = new BigInteger(
            "21888242871839275222246405745257275088548364400416034343698204186575808495617");

    private Field() {
    }

    /** v mod r, canonical (negative v map to r - |v| mod r). */
    public static BigInteger reduce(BigInteger v) {
        return v.mod(R);
    }

    public static BigInteger of(long v) {
        return BigInteger.valueOf(v).mod(R);
    }
}
