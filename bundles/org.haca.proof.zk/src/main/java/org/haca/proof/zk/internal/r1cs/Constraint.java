package org.haca.proof.zk.internal.r1cs;

import java.math.BigInteger;

/** One rank-1 constraint ⟨A,w⟩ · ⟨B,w⟩ = ⟨C,w⟩. */
public record Constraint(LinearCombination a, LinearCombination b, LinearCombination c) {

    public boolean isSatisfied(BigInteger[] witness) {
        return a.evaluate(witness).multiply(b.evaluate(witness)).mod(Field.R).equals(c.evaluate(witness));
    }
}
