package org.haca.proof.zk.internal.circuit;

import java.math.BigInteger;

import org.haca.proof.zk.internal.r1cs.Field;
import org.haca.proof.zk.internal.r1cs.LinearCombination;

/**
 * A witness under construction. Wires of the quantized computation hold small signed integers ({@link #ints}); wires
 * of the hash and inverses hold field elements ({@link #big}, null for integer wires).
 */
final class WitnessState {
    final long[] ints;
    final BigInteger[] big;
    /** When true a value outside its proven range is an error; when false the witness is built anyway (soundness tests). */
    final boolean strict;

    WitnessState(int nWires, boolean strict) {
        ints = new long[nWires];
        big = new BigInteger[nWires];
        this.strict = strict;
        ints[CircuitBuilder.ONE] = 1;
    }

    long eval(IntExpr e) {
        return e.eval(ints);
    }

    void setInt(int w, long v) {
        ints[w] = v;
    }

    void setBig(int w, BigInteger v) {
        big[w] = v;
    }

    BigInteger value(int w) {
        BigInteger b = big[w];
        return b != null ? b : Field.of(ints[w]);
    }

    BigInteger eval(LinearCombination lc) {
        BigInteger acc = BigInteger.ZERO;
        for (int i = 0; i < lc.size(); i++) {
            acc = acc.add(lc.coeff(i).multiply(value(lc.wire(i))));
        }
        return acc.mod(Field.R);
    }

    /** The full witness as canonical field elements (wire 0 = 1). */
    BigInteger[] toWitness() {
        BigInteger[] w = new BigInteger[ints.length];
        for (int i = 0; i < w.length; i++) {
            if (big[i] != null) {
                w[i] = big[i];
            } else {
                long v = ints[i];
                w[i] = v == 0 ? BigInteger.ZERO : v == 1 ? BigInteger.ONE : Field.of(v);
            }
        }
        return w;
    }
}
