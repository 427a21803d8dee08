package org.haca.proof.zk.internal.snarkjs;

import java.util.Arrays;

/**
 * A parsed Groth16 proving key in snarkjs's .zkey layout. Points are raw affine coordinates (see {@link RawG1});
 * the Groth16 layer validates them against the curve when it builds a proving or verifying key.
 *
 * @param nVars wires, including wire 0 (the constant one)
 * @param nPublic public signals (outputs then public inputs), not counting wire 0
 * @param domainSize the evaluation domain size (a power of two ≥ constraints + nPublic + 1)
 * @param ic (β·u_i + α·v_i + w_i)/γ for i in 0..nPublic
 * @param a u_i(τ) for every wire
 * @param b1 v_i(τ) in G1 for every wire
 * @param b2 v_i(τ) in G2 for every wire
 * @param c (β·u_i + α·v_i + w_i)/δ for the private wires nPublic+1..nVars-1
 * @param h the odd-index Lagrange basis points of the 2·domainSize domain, divided by δ
 * @param contributions section 10 (circuit hash and MPC contributions), kept verbatim
 * @param sectionOrder the section types in file order, so that writing reproduces a read file byte for byte
 */
public record Zkey(int nVars, int nPublic, int domainSize,
        RawG1 alpha1, RawG1 beta1, RawG2 beta2, RawG2 gamma2, RawG1 delta1, RawG2 delta2,
        RawG1[] ic, ZkeyCoefficients coefficients, RawG1[] a, RawG1[] b1, RawG2[] b2, RawG1[] c, RawG1[] h,
        byte[] contributions, int[] sectionOrder) {

    /** The section order `snarkjs zkey new` writes. */
    public static final int[] NEW_ZKEY_ORDER = {1, 2, 4, 3, 9, 8, 5, 6, 7, 10};

    public Zkey {
        if (nPublic < 0 || nVars < nPublic + 1) {
            throw new FormatException("zkey has nVars " + nVars + " and nPublic " + nPublic
                    + ": needs nVars ≥ nPublic + 1");
        }
        if (domainSize < 1 || Integer.bitCount(domainSize) != 1) {
            throw new FormatException("zkey domain size " + domainSize + " is not a power of two");
        }
        checkLength("IC", ic.length, nPublic + 1);
        checkLength("A", a.length, nVars);
        checkLength("B1", b1.length, nVars);
        checkLength("B2", b2.length, nVars);
        checkLength("C", c.length, nVars - nPublic - 1);
        checkLength("H", h.length, domainSize);
        int[] sorted = sectionOrder.clone();
        Arrays.sort(sorted);
        if (!Arrays.equals(sorted, new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})) {
            throw new FormatException("zkey section order " + Arrays.toString(sectionOrder)
                    + " is not a permutation of sections 1..10");
        }
    }

    /** log2(domainSize). */
    public int power() {
        return Integer.numberOfTrailingZeros(domainSize);
    }

    private static void checkLength(String section, int actual, int expected) {
        if (actual != expected) {
            throw new FormatException("zkey " + section + " has " + actual + " points, expected " + expected);
        }
    }
}
