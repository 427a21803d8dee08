package org.haca.backend.quant.internal.qprog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class QMathTest {

    /** floor(v·2^e + 1/2) computed with BigDecimal, exactly. */
    static long reference(float v, int e) {
        BigDecimal d = new BigDecimal(v);
        d = e >= 0 ? d.multiply(BigDecimal.valueOf(2).pow(e)) : d.divide(BigDecimal.valueOf(2).pow(-e));
        return d.add(new BigDecimal("0.5")).setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    @Test
    void roundScaledIsExactRoundHalfUp() {
        assertEquals(3, QMath.roundScaled(2.5f, 0));
        assertEquals(-2, QMath.roundScaled(-2.5f, 0));
        assertEquals(-3, QMath.roundScaled(-2.5000002f, 0));
        assertEquals(0, QMath.roundScaled(-0.5f, 0));
        assertEquals(-1, QMath.roundScaled(-0.50000006f, 0));
        assertEquals(1, QMath.roundScaled(0.49999997f, 1));
        assertEquals(0, QMath.roundScaled(0.49999997f, 0)); // Math.round(0.49999997f) pitfalls do not apply
        assertEquals(0, QMath.roundScaled(-1e-30f, 7));
        assertEquals(0, QMath.roundScaled(Float.MIN_VALUE, 7));
        assertEquals(64, QMath.roundScaled(1f, 6));
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 200_000; i++) {
            float v = Float.intBitsToFloat(r.nextInt());
            if (!Float.isFinite(v) || Math.abs(v) > 1e6f) {
                continue;
            }
            int e = r.nextInt(-20, 30);
            if (Math.abs((double) v) * Math.pow(2, e) > 1e15) {
                continue;
            }
            assertEquals(reference(v, e), QMath.roundScaled(v, e), () -> v + " e=" + e);
        }
        for (int i = 0; i < 200_000; i++) {
            // values near the .5 boundaries, where a naive floor(x + 0.5) in float would misround
            float v = (r.nextInt(-1000, 1000) + 0.5f) / 64f + (r.nextBoolean() ? Math.ulp(1f) * r.nextInt(-3, 4) : 0f);
            assertEquals(reference(v, 6), QMath.roundScaled(v, 6), () -> v + " e=6");
        }
    }

    @Test
    void quantizeInputClamps() {
        assertEquals(127, QMath.quantizeInput(1f, 7));
        assertEquals(-128, QMath.quantizeInput(-1f, 7));
        assertEquals(-128, QMath.quantizeInput(-1000f, 7));
        assertEquals(64, QMath.quantizeInput(1f, 6));
        assertEquals(0, QMath.quantizeInput(-0.0f, 6));
    }

    @Test
    void shiftRoundIsArithmeticShiftWithHalfUp() {
        assertEquals(3, QMath.shiftRound(5, 1)); // 2.5 -> 3
        assertEquals(-2, QMath.shiftRound(-5, 1)); // -2.5 -> -2
        assertEquals(-3, QMath.shiftRound(-7, 1)); // -3.5 -> -3
        assertEquals(1, QMath.shiftRound(4, 3)); // 0.5 -> 1
        assertEquals(0, QMath.shiftRound(-4, 3)); // -0.5 -> 0
        assertEquals(-1, QMath.shiftRound(-5, 3)); // -0.625 -> -1
        assertEquals(40, QMath.shiftRound(5, -3));
        assertEquals(0, QMath.shiftRound(Integer.MAX_VALUE, 40));
        assertEquals(0, QMath.shiftRound(Integer.MIN_VALUE, 40));
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < 100_000; i++) {
            long acc = r.nextInt();
            int t = r.nextInt(1, 40);
            long ref = Math.floorDiv(2 * acc + (1L << t), 1L << (t + 1));
            assertEquals(ref, QMath.shiftRound(acc, t), () -> acc + " >> " + t);
        }
    }

    @Test
    void requantClampsAndFusesRelu() {
        assertEquals(127, QMath.requant(1_000_000, 4, -128));
        assertEquals(-128, QMath.requant(-1_000_000, 4, -128));
        assertEquals(0, QMath.requant(-1_000_000, 4, 0));
        assertEquals(6, QMath.requant(100, 4, 0)); // 6.25 -> 6: (100 + 8) >> 4
    }

    @Test
    void exponentIsLargestThatFits() {
        assertEquals(6, QMath.exponentFor(1.0, 127));
        assertEquals(7, QMath.exponentFor(0.99, 127));
        assertEquals(7, QMath.exponentFor(127.0 / 128, 127));
        assertEquals(6, QMath.exponentFor(127.0 / 128 + 1e-9, 127));
        assertEquals(0, QMath.exponentFor(127, 127));
        assertEquals(-1, QMath.exponentFor(128, 127));
        assertEquals(0, QMath.exponentFor(0, 127));
        assertEquals(32, QMath.exponentFor(1e-30, 127));
    }
}
