package org.haca.proof.zk.internal.groth16;

import java.math.BigInteger;
import java.util.List;

import org.haca.proof.zk.internal.r1cs.Constraint;
import org.haca.proof.zk.internal.r1cs.Field;
import org.haca.proof.zk.internal.r1cs.LinearCombination;
import org.haca.proof.zk.internal.r1cs.R1cs;

/**
 * crosscheck/groth16-mul.circom as an R1cs built by hand, in circom's wire order: 0 one, 1 out, 2 a, 3 b, 4 x,
 * 5 t1, 6 t2. Constraints: a·x = t1, t1·b = t2, t2·x = out − a.
 */
final class MulCircuit {
    private MulCircuit() {
    }

    static R1cs r1cs() {
        return new R1cs(7, 1, 2, 1, 7, List.of(
                new Constraint(lc(2, 1), lc(4, 1), lc(5, 1)),
                new Constraint(lc(5, 1), lc(3, 1), lc(6, 1)),
                new Constraint(lc(6, 1), lc(4, 1), new LinearCombination(new int[] {1, 2},
                        new BigInteger[] {BigInteger.ONE, Field.of(-1)}))));
    }

    private static LinearCombination lc(int wire, long coeff) {
        return new LinearCombination(new int[] {wire}, new BigInteger[] {Field.of(coeff)});
    }
}
