package org.haca.proof.zk.internal.circuit;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.haca.proof.zk.internal.r1cs.Constraint;
import org.haca.proof.zk.internal.r1cs.Field;
import org.haca.proof.zk.internal.r1cs.LinearCombination;

/**
 * Collects wires, rank-1 constraints and the witness steps that fill the wires, in the order a witness is computed.
 * Wires below {@code reserved} (wire 0 = 1, public outputs, public inputs, private inputs) are laid out by the caller.
 */
final class CircuitBuilder {
    static final int ONE = 0;

    private final List<Constraint> constraints = new ArrayList<>();
    private final List<WitnessStep> steps = new ArrayList<>();
    private final long maxConstraints;
    private int nWires;

    CircuitBuilder(int reserved, long maxConstraints) {
        this.nWires = reserved;
        this.maxConstraints = maxConstraints;
    }

    int newWire() {
        if (nWires == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("circuit too large: more than 2^31 wires");
        }
        return nWires++;
    }

    int wireCount() {
        return nWires;
    }

    List<Constraint> constraints() {
        return constraints;
    }

    List<WitnessStep> steps() {
        return steps;
    }

    /** ⟨a,w⟩ · ⟨b,w⟩ = ⟨c,w⟩. */
    void enforce(LinearCombination a, LinearCombination b, LinearCombination c) {
        if (constraints.size() >= maxConstraints) {
            throw new IllegalArgumentException("circuit too large: more than " + maxConstraints + " constraints");
        }
        constraints.add(new Constraint(a, b, c));
    }

    /** x = y, as x · 1 = y. */
    void enforceEqual(LinearCombination x, LinearCombination y) {
        enforce(x, wire(ONE), y);
    }

    /** b ∈ {0, 1}, as b · (b - 1) = 0. */
    void enforceBoolean(IntExpr b) {
        enforce(b.toLc(), b.plus(-1).toLc(), LinearCombination.EMPTY);
    }

    void step(WitnessStep s) {
        steps.add(s);
    }

    static LinearCombination wire(int w) {
        return new LinearCombination(new int[] {w}, new BigInteger[] {BigInteger.ONE});
    }

    static LinearCombination constant(BigInteger c) {
        BigInteger v = Field.reduce(c);
        return v.signum() == 0 ? LinearCombination.EMPTY
                : new LinearCombination(new int[] {ONE}, new BigInteger[] {v});
    }

    /** 1 - w. */
    static LinearCombination oneMinus(int w) {
        return new LinearCombination(new int[] {ONE, w}, new BigInteger[] {BigInteger.ONE, Field.of(-1)});
    }
}
