package org.haca.proof.zk.internal.circuit;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.haca.proof.zk.internal.r1cs.Field;
import org.haca.proof.zk.internal.r1cs.LinearCombination;

/**
 * Poseidon inside the circuit: 3 constraints per S-box (x·x = x2, x2·x2 = x4, x4·x = x5); the round constants and the
 * MDS mixing are linear, so they only shape the linear combinations. An S-box whose input is a constant (the capacity
 * element in the first round, constant inputs) is evaluated at compile time. The witness comes from the native
 * {@link Poseidon#permute}, so the gadget's value is the native hash by construction and by test.
 */
final class PoseidonGadget {
    private PoseidonGadget() {
    }

    /** Poseidon of the given linear combinations; the result is a linear combination of this hash's S-box wires. */
    static LinearCombination hash(CircuitBuilder b, List<LinearCombination> inputs) {
        int t = inputs.size() + 1;
        PoseidonParameters p = PoseidonParameters.forWidth(t);
        BigInteger[][] m = p.mds();
        // After round 0 every state element is a combination of "basis" entries: index 0 the constant 1, index j > 0
        // the j-th S-box output wire of this hash. Dense coefficient rows keep the mixing simple.
        int capacity = 1 + p.fullRounds() * t + p.partialRounds();
        List<Integer> basis = new ArrayList<>();
        basis.add(CircuitBuilder.ONE);
        BigInteger[][] state = new BigInteger[t][capacity];
        int[][] sites = new int[p.rounds() * t][];

        for (int r = 0; r < p.rounds(); r++) {
            int sboxes = p.isFullRound(r) ? t : 1;
            for (int i = 0; i < t; i++) {
                if (r == 0) {
                    LinearCombination in = i == 0 ? LinearCombination.EMPTY : inputs.get(i - 1);
                    LinearCombination x = addConstant(in, p.constant(0, i));
                    // round 0 is a full round: every element goes through the S-box from its input combination
                    BigInteger c = constantValue(x);
                    if (c != null) {
                        state[i][0] = Poseidon.pow5(c);
                    } else {
                        int[] wires = sbox(b, x);
                        sites[i] = wires;
                        basis.add(wires[2]);
                        state[i][basis.size() - 1] = BigInteger.ONE;
                    }
                    continue;
                }
                state[i][0] = nz(state[i][0]).add(p.constant(r, i)).mod(Field.R);
                if (i < sboxes) {
                    LinearCombination x = toLc(state[i], basis);
                    BigInteger c = constantValue(x);
                    Arrays.fill(state[i], null);
                    if (c != null) {
                        state[i][0] = Poseidon.pow5(c);
                    } else {
                        int[] wires = sbox(b, x);
                        sites[r * t + i] = wires;
                        basis.add(wires[2]);
                        state[i][basis.size() - 1] = BigInteger.ONE;
                    }
                }
            }
            state = mix(m, state, basis.size());
        }
        b.step(s -> {
            List<BigInteger> values = new ArrayList<>(inputs.size());
            for (LinearCombination in : inputs) {
                values.add(s.eval(in));
            }
            BigInteger[] st = Poseidon.initialState(values);
            Poseidon.permute(st, (round, element, x) -> {
                int[] w = sites[round * t + element];
                if (w != null) {
                    BigInteger x2 = x.multiply(x).mod(Field.R);
                    BigInteger x4 = x2.multiply(x2).mod(Field.R);
                    s.setBig(w[0], x2);
                    s.setBig(w[1], x4);
                    s.setBig(w[2], x4.multiply(x).mod(Field.R));
                }
            });
        });
        return toLc(state[0], basis);
    }

    /** Allocates x2, x4, x5 with their three constraints. */
    private static int[] sbox(CircuitBuilder b, LinearCombination x) {
        int x2 = b.newWire();
        int x4 = b.newWire();
        int x5 = b.newWire();
        b.enforce(x, x, CircuitBuilder.wire(x2));
        b.enforce(CircuitBuilder.wire(x2), CircuitBuilder.wire(x2), CircuitBuilder.wire(x4));
        b.enforce(CircuitBuilder.wire(x4), x, CircuitBuilder.wire(x5));
        return new int[] {x2, x4, x5};
    }

    private static BigInteger[][] mix(BigInteger[][] m, BigInteger[][] state, int used) {
        int t = state.length;
        BigInteger[][] next = new BigInteger[t][state[0].length];
        for (int i = 0; i < t; i++) {
            for (int k = 0; k < used; k++) {
                BigInteger acc = BigInteger.ZERO;
                for (int j = 0; j < t; j++) {
                    if (state[j][k] != null) {
                        acc = acc.add(m[i][j].multiply(state[j][k]));
                    }
                }
                next[i][k] = acc.signum() == 0 ? null : acc.mod(Field.R);
            }
        }
        return next;
    }

    private static BigInteger nz(BigInteger v) {
        return v == null ? BigInteger.ZERO : v;
    }

    private static LinearCombination toLc(BigInteger[] row, List<Integer> basis) {
        int n = 0;
        for (int k = 0; k < basis.size(); k++) {
            if (row[k] != null && row[k].signum() != 0) {
                n++;
            }
        }
        int[] w = new int[n];
        BigInteger[] c = new BigInteger[n];
        n = 0;
        for (int k = 0; k < basis.size(); k++) {
            if (row[k] != null && row[k].signum() != 0) {
                w[n] = basis.get(k); // basis wires are allocated in increasing order, wire 0 first
                c[n++] = row[k];
            }
        }
        return new LinearCombination(w, c);
    }

    /** lc + c. */
    static LinearCombination addConstant(LinearCombination lc, BigInteger c) {
        BigInteger k = Field.reduce(c);
        boolean hasOne = lc.size() > 0 && lc.wire(0) == CircuitBuilder.ONE;
        BigInteger k0 = (hasOne ? lc.coeff(0).add(k) : k).mod(Field.R);
        int rest = lc.size() - (hasOne ? 1 : 0);
        int off = k0.signum() != 0 ? 1 : 0;
        int[] w = new int[rest + off];
        BigInteger[] cs = new BigInteger[w.length];
        if (off == 1) {
            w[0] = CircuitBuilder.ONE;
            cs[0] = k0;
        }
        for (int i = 0; i < rest; i++) {
            w[off + i] = lc.wire(i + (hasOne ? 1 : 0));
            cs[off + i] = lc.coeff(i + (hasOne ? 1 : 0));
        }
        return new LinearCombination(w, cs);
    }

    /** The value of a combination of wire 0 only, or null when it involves another wire. */
    static BigInteger constantValue(LinearCombination lc) {
        if (lc.size() == 0) {
            return BigInteger.ZERO;
        }
        if (lc.size() == 1 && lc.wire(0) == CircuitBuilder.ONE) {
            return lc.coeff(0);
        }
        return null;
    }
}
