package org.haca.proof.zk.internal.circuit;

import java.math.BigInteger;

import org.haca.proof.zk.internal.r1cs.Field;
import org.haca.proof.zk.internal.r1cs.LinearCombination;

/** Bit decomposition, zero test and product: the primitives the quantized-op gadgets are made of. */
final class RangeGadgets {
    /**
     * Up to this many terms the lowest bit of a decomposition is not a wire but the form {@code v - Σ_{i≥1} 2^i b_i}
     * itself (one constraint and one wire fewer); a longer form (a neuron's accumulator) would be repeated in the
     * booleanity constraint's A and B, so it gets an explicit linear constraint instead.
     */
    static final int IMPLICIT_BIT_MAX_TERMS = 16;

    private RangeGadgets() {
    }

    /**
     * Enforces {@code 0 ≤ value < 2^n} and returns its n bits, least significant first: n booleanity constraints, plus
     * one linear constraint when the value is a long form. Costs n constraints for a short form.
     */
    static IntExpr[] decompose(CircuitBuilder b, IntExpr value, int n) {
        if (n < 1 || n > 62) {
            throw new IllegalArgumentException("bit decomposition of " + n + " bits");
        }
        boolean implicit = value.size() <= IMPLICIT_BIT_MAX_TERMS;
        int first = implicit ? 1 : 0;
        int[] w = new int[n];
        IntExpr[] bits = new IntExpr[n];
        for (int i = first; i < n; i++) {
            w[i] = b.newWire();
            bits[i] = IntExpr.wire(w[i], 0, 1);
        }
        IntExpr rest = IntExpr.weightedBits(w, first, 0); // Σ_{i ≥ first} 2^i b_i
        if (implicit) {
            bits[0] = value.minus(rest).withBounds(0, 1);
        } else {
            b.enforceEqual(value.toLc(), rest.toLc());
        }
        for (IntExpr bit : bits) {
            b.enforceBoolean(bit);
        }
        long limit = 1L << n;
        b.step(s -> {
            long v = s.eval(value);
            if (s.strict && (v < 0 || v >= limit)) {
                throw new IllegalStateException("value " + v + " outside its proven range [0, 2^" + n + ")");
            }
            for (int i = first; i < n; i++) {
                s.setInt(w[i], (v >>> i) & 1);
            }
        });
        return bits;
    }

    /** {@code Σ 2^(i-from) bits[i]} for i in [from, to). */
    static IntExpr combine(IntExpr[] bits, int from, int to) {
        IntExpr acc = IntExpr.constant(0);
        for (int i = from; i < to; i++) {
            acc = acc.plus(bits[i].times(1L << (i - from)));
        }
        return acc;
    }

    /** [x == 0] as a 0/1 wire: x · inv = 1 - z and x · z = 0 (2 constraints). */
    static IntExpr isZero(CircuitBuilder b, IntExpr x) {
        int inv = b.newWire();
        int z = b.newWire();
        LinearCombination xl = x.toLc();
        b.enforce(xl, CircuitBuilder.wire(inv), CircuitBuilder.oneMinus(z));
        b.enforce(xl, CircuitBuilder.wire(z), LinearCombination.EMPTY);
        b.step(s -> {
            long v = s.eval(x);
            s.setInt(z, v == 0 ? 1 : 0);
            s.setBig(inv, v == 0 ? BigInteger.ZERO : Field.of(v).modInverse(Field.R));
        });
        return IntExpr.wire(z, 0, 1);
    }

    /** x · y as a new wire (1 constraint), with the given proven bounds. */
    static IntExpr product(CircuitBuilder b, IntExpr x, IntExpr y, long min, long max) {
        int p = b.newWire();
        b.enforce(x.toLc(), y.toLc(), CircuitBuilder.wire(p));
        b.step(s -> s.setInt(p, Math.multiplyExact(s.eval(x), s.eval(y))));
        return IntExpr.wire(p, min, max);
    }

    /** Number of bits of a non-negative value (0 for 0). */
    static int bits(long v) {
        return 64 - Long.numberOfLeadingZeros(v);
    }
}
