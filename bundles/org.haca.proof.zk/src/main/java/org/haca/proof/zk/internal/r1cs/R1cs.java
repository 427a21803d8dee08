package org.haca.proof.zk.internal.r1cs;

import java.math.BigInteger;
import java.util.List;

/**
 * A rank-1 constraint system in the iden3/circom wire order: wire 0 is the constant 1, then the public outputs, the
 * public inputs, the private inputs, then internal wires. snarkjs calls {@code nPubOut + nPubIn} "nPublic"; the
 * public signals ({@code public.json}) are wires 1..nPublic in that order.
 *
 * @param nWires number of wires including wire 0
 * @param nPubOut public outputs (wires 1..nPubOut)
 * @param nPubIn public inputs (next nPubIn wires)
 * @param nPrvIn private inputs (next nPrvIn wires)
 * @param nLabels number of labels (circom's signal names; equal to nWires when there is no optimisation)
 * @param constraints the constraints in order
 */
public record R1cs(int nWires, int nPubOut, int nPubIn, int nPrvIn, long nLabels, List<Constraint> constraints) {

    public R1cs {
        constraints = List.copyOf(constraints);
        if (nWires < 1 + nPubOut + nPubIn + nPrvIn) {
            throw new IllegalArgumentException("nWires " + nWires + " < 1 + public + private inputs");
        }
    }

    public int nPublic() {
        return nPubOut + nPubIn;
    }

    /** Index of the first constraint the witness violates, or -1 when all hold (and wire 0 is 1). */
    public int firstViolated(BigInteger[] witness) {
        if (witness.length != nWires || !BigInteger.ONE.equals(witness[0])) {
            return 0;
        }
        for (int i = 0; i < constraints.size(); i++) {
            if (!constraints.get(i).isSatisfied(witness)) {
                return i;
            }
        }
        return -1;
    }
}
