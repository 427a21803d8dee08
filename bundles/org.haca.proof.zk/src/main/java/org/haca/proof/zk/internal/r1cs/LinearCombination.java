package org.haca.proof.zk.internal.r1cs;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * A sparse linear combination Σ coeff_i · w[wire_i] over the BN254 scalar field. Coefficients are canonical
 * (0 ≤ c &lt; r, never 0); wires are distinct. Immutable.
 */
public final class LinearCombination {
    public static final LinearCombination EMPTY = new LinearCombination(new int[0], new BigInteger[0]);

    private final int[] wires;
    private final BigInteger[] coeffs;

    public LinearCombination(int[] wires, BigInteger[] coeffs) {
        if (wires.length != coeffs.length) {
            throw new IllegalArgumentException("wires and coefficients differ in length");
        }
        this.wires = wires.clone();
        this.coeffs = coeffs.clone();
    }

    public int size() {
        return wires.length;
    }

    public int wire(int i) {
        return wires[i];
    }

    public BigInteger coeff(int i) {
        return coeffs[i];
    }

    /** Σ coeff · witness[wire] mod r. */
    public BigInteger evaluate(BigInteger[] witness) {
        BigInteger acc = BigInteger.ZERO;
        for (int i = 0; i < wires.length; i++) {
            acc = acc.add(coeffs[i].multiply(witness[wires[i]]));
        }
        return acc.mod(Field.R);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinearCombination lc && Arrays.equals(wires, lc.wires) && Arrays.equals(coeffs, lc.coeffs);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(wires) + Arrays.hashCode(coeffs);
    }
}
