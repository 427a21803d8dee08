package org.haca.proof.zk.internal.circuit;

import org.haca.backend.quant.internal.qprog.QMath;

/**
 * The integer operations of {@code QMath} / {@code QExecutor} as constraints. Each takes forms with proven bounds and
 * returns a form with proven bounds; a result the bounds already fix is returned as a constant without constraints.
 */
final class QuantGadgets {
    private QuantGadgets() {
    }

    /**
     * {@code QMath.requant(acc, t, lo)}: {@code clamp((acc + 2^(t-1)) >> t, lo, 127)} for t > 0, {@code clamp(acc · 2^-t)}
     * for t ≤ 0, lo = -128 or 0 (fused ReLU).
     *
     * <p>With D = 2^max(t,0), W = 128 - lo (256 or 128, a power of two) and num = acc·2^max(-t,0) + D/2 - lo·D, the
     * rescaled value is q = floor(num / D) + lo. One decomposition num = L + W·D·hi with L ∈ [0, W·D) gives both the
     * rounding remainder (the low t bits of L) and the in-range value low = floor(L / D) ∈ [0, W), while hi tells the
     * clamp: hi &lt; 0 ⇒ lo, hi = 0 ⇒ lo + low, hi &gt; 0 ⇒ 127. hi is range-checked with its own bits (offset so that
     * its top bit is the sign), and [hi = 0] costs 2 constraints, the select 1: about (bits of the accumulator range)
     * + 3 constraints per neuron.
     */
    static IntExpr requant(CircuitBuilder b, IntExpr acc, int t, int lo) {
        if (lo != QMath.INT8_MIN && lo != 0) {
            throw new IllegalArgumentException("clamp lower bound " + lo);
        }
        int hiClamp = QMath.INT8_MAX;
        if (t >= 62) {
            return IntExpr.constant(QMath.clamp(0, lo, hiClamp)); // QMath.shiftRound's result for |acc| < 2^40
        }
        // For a left shift of 8 or more every non-zero accumulator lands outside [-128, 127] and clamps, exactly as
        // QMath's saturation does, so capping the shift at 8 keeps the numbers small and the result identical.
        int left = t < 0 ? Math.min(-t, 8) : 0;
        int tp = Math.max(t, 0);
        long d = 1L << tp;
        long half = tp > 0 ? 1L << (tp - 1) : 0;
        long w = hiClamp + 1L - lo;
        int wBits = Long.numberOfTrailingZeros(w);
        IntExpr num = acc.times(1L << left).plus(half - lo * d);
        long wd = w * d;
        long hMin = Math.floorDiv(num.min, wd);
        long hMax = Math.floorDiv(num.max, wd);
        long yMin = QMath.clamp(Math.floorDiv(num.min, d) + lo, lo, hiClamp);
        long yMax = QMath.clamp(Math.floorDiv(num.max, d) + lo, lo, hiClamp);
        if (yMin == yMax) {
            return IntExpr.constant(yMin);
        }
        int nL = tp + wBits;
        long hOffset;
        int nh;
        if (hMin == 0 && hMax == 0) {
            hOffset = 0;
            nh = 0;
        } else if (hMin == 0) {
            hOffset = 0;
            nh = RangeGadgets.bits(hMax);
        } else if (hMax == 0) {
            hOffset = hMin;
            nh = RangeGadgets.bits(-hMin);
        } else {
            int k = Math.max(RangeGadgets.bits(-hMin - 1), RangeGadgets.bits(hMax));
            hOffset = -(1L << k);
            nh = k + 1;
        }
        IntExpr[] bits = RangeGadgets.decompose(b, num.plus(Math.multiplyExact(-wd, hOffset)), nL + nh);
        IntExpr low = RangeGadgets.combine(bits, tp, nL).withBounds(0, w - 1);
        if (nh == 0) {
            return low.plus(lo).withBounds(yMin, yMax);
        }
        IntExpr hi = RangeGadgets.combine(bits, nL, nL + nh).plus(hOffset);
        IntExpr zero;
        IntExpr nonNeg;
        if (hMin == 0) {
            zero = hMax == 1 ? bits[nL].times(-1).plus(1) : RangeGadgets.isZero(b, hi);
            nonNeg = IntExpr.constant(1);
        } else if (hMax == 0) {
            zero = hMin == -1 ? bits[nL] : RangeGadgets.isZero(b, hi);
            nonNeg = zero;
        } else {
            zero = RangeGadgets.isZero(b, hi);
            nonNeg = bits[nL + nh - 1];
        }
        IntExpr selected = RangeGadgets.product(b, zero, low, 0, w - 1);
        return selected.plus(nonNeg.minus(zero).times(w - 1)).plus(lo).withBounds(yMin, yMax);
    }

    /** max(a, c) = c + [a ≥ c]·(a - c): the sign bit of a - c from its decomposition, then one product. */
    static IntExpr max(CircuitBuilder b, IntExpr a, IntExpr c) {
        IntExpr d = a.minus(c);
        if (d.min >= 0) {
            return a;
        }
        if (d.max <= 0) {
            return c;
        }
        int k = Math.max(RangeGadgets.bits(-d.min - 1), RangeGadgets.bits(d.max));
        IntExpr[] bits = RangeGadgets.decompose(b, d.plus(1L << k), k + 1);
        IntExpr p = RangeGadgets.product(b, bits[k], d, 0, d.max);
        return c.plus(p).withBounds(Math.max(a.min, c.min), Math.max(a.max, c.max));
    }

    /**
     * {@code floorDiv(2·sum + cnt, 2·cnt)} (AveragePool's mean rounded half up): y and the remainder
     * rem = num - den·y are range-checked, y ∈ [yMin, yMin + 2^ny) and rem ∈ [0, den), which fixes y = floor(num/den).
     */
    static IntExpr roundDiv(CircuitBuilder b, IntExpr sum, int cnt) {
        if (cnt == 0) {
            return IntExpr.constant(0);
        }
        long den = 2L * cnt;
        IntExpr num = sum.times(2).plus(cnt);
        long yMin = Math.floorDiv(num.min, den);
        long yMax = Math.floorDiv(num.max, den);
        if (yMin == yMax) {
            return IntExpr.constant(yMin);
        }
        int ny = RangeGadgets.bits(yMax - yMin);
        int[] yw = new int[ny];
        for (int i = 0; i < ny; i++) {
            yw[i] = b.newWire();
            b.enforceBoolean(IntExpr.wire(yw[i], 0, 1));
        }
        IntExpr y = IntExpr.weightedBits(yw, 0, yMin);
        b.step(s -> {
            long v = Math.floorDiv(s.eval(num), den) - yMin;
            for (int i = 0; i < ny; i++) {
                s.setInt(yw[i], (v >>> i) & 1);
            }
        });
        IntExpr rem = num.minus(y.times(den));
        int nr = RangeGadgets.bits(den - 1);
        RangeGadgets.decompose(b, rem, nr);
        if (Long.bitCount(den) != 1) {
            RangeGadgets.decompose(b, rem.times(-1).plus(den - 1), nr);
        }
        return y.withBounds(yMin, yMax);
    }
}
