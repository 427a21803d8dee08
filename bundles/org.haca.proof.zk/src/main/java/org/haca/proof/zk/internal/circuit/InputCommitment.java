package org.haca.proof.zk.internal.circuit;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.haca.proof.zk.internal.r1cs.Field;
import org.haca.proof.zk.internal.r1cs.LinearCombination;

/**
 * The commitment to the private int8 input that the circuit exposes as a public output.
 *
 * <p>The int8 values (program inputs in order, each row-major) are taken as unsigned bytes {@code u = q + 128} and packed
 * 31 per field element, little-endian within the element: {@code e_i = Σ_{j<31} u_{31i+j} · 256^j} (a short last
 * element holds fewer bytes). Then {@code h_0 = 0}, {@code h_{i+1} = Poseidon(h_i, e_{4i}, e_{4i+1}, e_{4i+2}, e_{4i+3})}
 * (width 6, missing trailing elements are 0) and the commitment is the last h (0 for an empty input). The circuit
 * range-checks every input to int8, so the packing is injective.
 */
public final class InputCommitment {
    static final int BYTES_PER_ELEMENT = 31;
    static final int ELEMENTS_PER_HASH = 4;

    private InputCommitment() {
    }

    /** The commitment to int8 values, computed natively (anyone holding the input can check the public signal). */
    public static BigInteger compute(byte[] int8Values) {
        List<BigInteger> elements = new ArrayList<>();
        for (int start = 0; start < int8Values.length; start += BYTES_PER_ELEMENT) {
            BigInteger e = BigInteger.ZERO;
            int end = Math.min(int8Values.length, start + BYTES_PER_ELEMENT);
            for (int j = end - 1; j >= start; j--) {
                e = e.shiftLeft(8).or(BigInteger.valueOf(int8Values[j] + 128));
            }
            elements.add(e);
        }
        BigInteger h = BigInteger.ZERO;
        for (int i = 0; i < elements.size(); i += ELEMENTS_PER_HASH) {
            List<BigInteger> in = new ArrayList<>(ELEMENTS_PER_HASH + 1);
            in.add(h);
            for (int j = 0; j < ELEMENTS_PER_HASH; j++) {
                in.add(i + j < elements.size() ? elements.get(i + j) : BigInteger.ZERO);
            }
            h = Poseidon.hash(in);
        }
        return h;
    }

    /**
     * The commitment in the circuit, over int8 forms the caller has range-checked. Returns a linear combination of
     * the last hash's wires.
     */
    static LinearCombination circuit(CircuitBuilder b, List<IntExpr> int8Values) {
        List<LinearCombination> elements = new ArrayList<>();
        BigInteger base = BigInteger.valueOf(256);
        for (int start = 0; start < int8Values.size(); start += BYTES_PER_ELEMENT) {
            int end = Math.min(int8Values.size(), start + BYTES_PER_ELEMENT);
            TreeMap<Integer, BigInteger> terms = new TreeMap<>();
            BigInteger weight = BigInteger.ONE;
            for (int j = start; j < end; j++) {
                IntExpr u = int8Values.get(j).plus(128);
                LinearCombination lc = u.toLc();
                for (int k = 0; k < lc.size(); k++) {
                    terms.merge(lc.wire(k), lc.coeff(k).multiply(weight), BigInteger::add);
                }
                weight = weight.multiply(base);
            }
            elements.add(fromTerms(terms));
        }
        LinearCombination h = LinearCombination.EMPTY;
        for (int i = 0; i < elements.size(); i += ELEMENTS_PER_HASH) {
            List<LinearCombination> in = new ArrayList<>(ELEMENTS_PER_HASH + 1);
            in.add(h);
            for (int j = 0; j < ELEMENTS_PER_HASH; j++) {
                in.add(i + j < elements.size() ? elements.get(i + j) : LinearCombination.EMPTY);
            }
            h = PoseidonGadget.hash(b, in);
        }
        return h;
    }

    private static LinearCombination fromTerms(TreeMap<Integer, BigInteger> terms) {
        List<Integer> w = new ArrayList<>();
        List<BigInteger> c = new ArrayList<>();
        terms.forEach((wire, coeff) -> {
            BigInteger v = coeff.mod(Field.R);
            if (v.signum() != 0) {
                w.add(wire);
                c.add(v);
            }
        });
        return new LinearCombination(w.stream().mapToInt(Integer::intValue).toArray(), c.toArray(BigInteger[]::new));
    }
}
