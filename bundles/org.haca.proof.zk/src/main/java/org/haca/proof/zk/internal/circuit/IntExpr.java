package org.haca.proof.zk.internal.circuit;

import java.math.BigInteger;
import java.util.Arrays;

import org.haca.proof.zk.internal.r1cs.Field;
import org.haca.proof.zk.internal.r1cs.LinearCombination;

/**
 * An integer-valued affine form {@code constant + Σ coeff_i · wire_i} over wires that hold small integers, with proven
 * bounds {@code min ≤ value ≤ max} for every satisfying witness. The quantized computation is carried by these forms:
 * a linear layer is a form, not a constraint, and only the gadgets (range checks, products) add constraints. All
 * arithmetic is exact in {@code long}; a form that would overflow is rejected ({@link ArithmeticException}).
 * Immutable; wires sorted and distinct, coefficients non-zero.
 */
final class IntExpr {
    private static final int[] NO_WIRES = new int[0];
    private static final long[] NO_COEFFS = new long[0];

    final long constant;
    final int[] wires;
    final long[] coeffs;
    final long min;
    final long max;

    private IntExpr(long constant, int[] wires, long[] coeffs, long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException("empty range [" + min + ", " + max + "]");
        }
        this.constant = constant;
        this.wires = wires;
        this.coeffs = coeffs;
        this.min = min;
        this.max = max;
    }

    static IntExpr constant(long v) {
        return new IntExpr(v, NO_WIRES, NO_COEFFS, v, v);
    }

    /** A wire whose value lies in [min, max] (the caller's gadget enforces that). */
    static IntExpr wire(int w, long min, long max) {
        return new IntExpr(0, new int[] {w}, new long[] {1}, min, max);
    }

    /**
     * {@code constant + Σ 2^(i - from) · bit_i} over fresh bit wires given in increasing order (0/1 each): built
     * directly, without a scratch sized by the whole circuit.
     */
    static IntExpr weightedBits(int[] bitWires, int from, long constant) {
        int n = bitWires.length - from;
        int[] w = new int[n];
        long[] c = new long[n];
        for (int i = 0; i < n; i++) {
            if (i > 0 && bitWires[from + i] <= w[i - 1]) {
                throw new IllegalArgumentException("bit wires must increase");
            }
            w[i] = bitWires[from + i];
            c[i] = 1L << (from + i);
        }
        long span = n == 0 ? 0 : (1L << bitWires.length) - (1L << from);
        return new IntExpr(constant, w, c, constant, Math.addExact(constant, span));
    }

    boolean isConstant() {
        return wires.length == 0;
    }

    int size() {
        return wires.length;
    }

    long eval(long[] values) {
        long v = constant;
        for (int i = 0; i < wires.length; i++) {
            v += coeffs[i] * values[wires[i]];
        }
        return v;
    }

    /** The same form with bounds the caller has proven tighter. */
    IntExpr withBounds(long lo, long hi) {
        return new IntExpr(constant, wires, coeffs, lo, hi);
    }

    IntExpr plus(long c) {
        return new IntExpr(Math.addExact(constant, c), wires, coeffs, Math.addExact(min, c), Math.addExact(max, c));
    }

    IntExpr times(long k) {
        if (k == 0) {
            return constant(0);
        }
        long[] c = new long[coeffs.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = Math.multiplyExact(coeffs[i], k);
        }
        long a = Math.multiplyExact(min, k);
        long b = Math.multiplyExact(max, k);
        return new IntExpr(Math.multiplyExact(constant, k), wires, c, Math.min(a, b), Math.max(a, b));
    }

    IntExpr plus(IntExpr o) {
        int[] w = new int[wires.length + o.wires.length];
        long[] c = new long[w.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < wires.length || j < o.wires.length) {
            if (j == o.wires.length || (i < wires.length && wires[i] < o.wires[j])) {
                w[n] = wires[i];
                c[n++] = coeffs[i++];
            } else if (i == wires.length || o.wires[j] < wires[i]) {
                w[n] = o.wires[j];
                c[n++] = o.coeffs[j++];
            } else {
                long s = Math.addExact(coeffs[i], o.coeffs[j]);
                if (s != 0) {
                    w[n] = wires[i];
                    c[n++] = s;
                }
                i++;
                j++;
            }
        }
        return new IntExpr(Math.addExact(constant, o.constant), Arrays.copyOf(w, n), Arrays.copyOf(c, n),
                Math.addExact(min, o.min), Math.addExact(max, o.max));
    }

    IntExpr minus(IntExpr o) {
        return plus(o.times(-1));
    }

    /** The form as a field linear combination (constant on wire 0, negative numbers as r - |v|). */
    LinearCombination toLc() {
        int off = constant != 0 ? 1 : 0;
        int[] w = new int[wires.length + off];
        BigInteger[] c = new BigInteger[w.length];
        if (off == 1) {
            w[0] = CircuitBuilder.ONE;
            c[0] = Field.of(constant);
        }
        for (int i = 0; i < wires.length; i++) {
            if (wires[i] == CircuitBuilder.ONE) {
                throw new IllegalStateException("wire 0 inside an IntExpr");
            }
            w[i + off] = wires[i];
            c[i + off] = Field.of(coeffs[i]);
        }
        return new LinearCombination(w, c);
    }

    @Override
    public String toString() {
        return "IntExpr[" + constant + " + " + Arrays.toString(coeffs) + "·" + Arrays.toString(wires) + " in [" + min
                + ", " + max + "]]";
    }

    /**
     * Builds {@code Σ k_i · e_i + c} of many forms (a neuron's accumulator) with interval bounds, merging terms in a
     * dense scratch indexed by wire. Reusable: {@link #build} resets it.
     */
    static final class Accumulator {
        private long[] coeff;
        private boolean[] used;
        private int[] touched;
        private int nTouched;
        private long constant;
        private long min;
        private long max;

        Accumulator(int wireCapacity) {
            coeff = new long[Math.max(16, wireCapacity)];
            used = new boolean[coeff.length];
            touched = new int[16];
        }

        void addConstant(long c) {
            constant = Math.addExact(constant, c);
            min = Math.addExact(min, c);
            max = Math.addExact(max, c);
        }

        void add(long k, IntExpr e) {
            if (k == 0) {
                return;
            }
            for (int i = 0; i < e.wires.length; i++) {
                int w = e.wires[i];
                if (w >= coeff.length) {
                    int n = Math.max(w + 1, coeff.length * 2);
                    coeff = Arrays.copyOf(coeff, n);
                    used = Arrays.copyOf(used, n);
                }
                if (!used[w]) {
                    used[w] = true;
                    if (nTouched == touched.length) {
                        touched = Arrays.copyOf(touched, touched.length * 2);
                    }
                    touched[nTouched++] = w;
                }
                coeff[w] = Math.addExact(coeff[w], Math.multiplyExact(k, e.coeffs[i]));
            }
            constant = Math.addExact(constant, Math.multiplyExact(k, e.constant));
            min = Math.addExact(min, Math.multiplyExact(k, k > 0 ? e.min : e.max));
            max = Math.addExact(max, Math.multiplyExact(k, k > 0 ? e.max : e.min));
        }

        IntExpr build() {
            int[] ws = Arrays.copyOf(touched, nTouched);
            Arrays.sort(ws);
            int n = 0;
            long[] cs = new long[ws.length];
            for (int w : ws) {
                if (coeff[w] != 0) {
                    ws[n] = w;
                    cs[n++] = coeff[w];
                }
                coeff[w] = 0;
                used[w] = false;
            }
            IntExpr e = new IntExpr(constant, Arrays.copyOf(ws, n), Arrays.copyOf(cs, n), min, max);
            nTouched = 0;
            constant = 0;
            min = 0;
            max = 0;
            return e;
        }
    }
}
