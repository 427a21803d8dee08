package org.haca.proof.zk.internal.bn254;

import java.math.BigInteger;

/** INTERIM (branch groth16, replaced by branch bn254): BN254 base field constants and BigInteger helpers. */
public final class Fq {
    public static final BigInteger Q = new BigInteger(
            "21888242871839275222246405745257275088696311157297823662689037894645226208583");

    private Fq() {
    }

    static BigInteger mod(BigInteger a) {
        return a.mod(Q);
    }
}
