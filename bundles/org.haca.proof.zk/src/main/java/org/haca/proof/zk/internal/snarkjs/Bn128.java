package org.haca.proof.zk.internal.snarkjs;

import java.math.BigInteger;

import org.haca.proof.zk.internal.r1cs.Field;

/** The constants of snarkjs's curve "bn128" (BN254) that the file formats need: moduli and Montgomery factors. */
public final class Bn128 {
    /** Base field modulus q. */
    public static final BigInteger Q = new BigInteger(
            "21888242871839275222246405745257275088696311157297823662689037894645226208583");
    /** Scalar field modulus r. */
    public static final BigInteger R = Field.R;
    /** Bytes per field element (both fields fit 4 × 64 bits). */
    public static final int N8 = 32;
    /** 2^256 mod q and its inverse: the Montgomery factor of the point encodings. */
    static final BigInteger MONT_Q = BigInteger.ONE.shiftLeft(256).mod(Q);
    static final BigInteger MONT_Q_INV = MONT_Q.modInverse(Q);
    /** 2^256 mod r: coefficients in a .zkey are stored as c · (2^256)^2 mod r. */
    static final BigInteger MONT_R = BigInteger.ONE.shiftLeft(256).mod(R);
    static final BigInteger MONT_R2 = MONT_R.multiply(MONT_R).mod(R);
    static final BigInteger MONT_R2_INV = MONT_R2.modInverse(R);

    private Bn128() {
    }
}
