package org.haca.proof.zk.internal.snarkjs;

import java.math.BigInteger;

/**
 * The sparse A and B matrices of a Groth16 .zkey (section 4), one entry per non-zero: matrix (0 = A, 1 = B),
 * constraint (row, including the rows snarkjs adds for the public inputs), signal (wire) and the coefficient value.
 * Values are the true coefficients c (canonical mod r); the file stores c·R² mod r with R = 2^256, which the codec
 * converts in both directions. Arrays are parallel and owned by this object.
 */
public record ZkeyCoefficients(int[] matrix, int[] constraint, int[] signal, BigInteger[] value) {

    public ZkeyCoefficients {
        int n = matrix.length;
        if (constraint.length != n || signal.length != n || value.length != n) {
            throw new IllegalArgumentException("coefficient arrays differ in length");
        }
    }

    public int size() {
        return matrix.length;
    }
}
