package org.haca.proof.zk.internal.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import java.util.function.BiFunction;

import org.haca.backend.quant.internal.qprog.QMath;
import org.haca.proof.zk.internal.r1cs.Field;
import org.haca.proof.zk.internal.r1cs.R1cs;
import org.junit.jupiter.api.Test;

/** The gadgets on wide accumulator ranges (beyond what int8 × weight programs reach), against QMath. */
class QuantGadgetsTest {

    /** A one-wire circuit: wire 1 holds x ∈ [min, max]; {@code gadget} builds y from it. */
    private record Harness(CircuitBuilder b, IntExpr y, R1cs r1cs) {
        static Harness of(long min, long max, BiFunction<CircuitBuilder, IntExpr, IntExpr> gadget) {
            CircuitBuilder b = new CircuitBuilder(2, 1 << 20);
            IntExpr y = gadget.apply(b, IntExpr.wire(1, min, max));
            return new Harness(b, y, new R1cs(b.wireCount(), 0, 0, 1, b.wireCount(), b.constraints()));
        }

        /** Builds the witness for x, checks it, returns y. */
        long run(long x) {
            WitnessState s = new WitnessState(b.wireCount(), true);
            s.setInt(1, x);
            b.steps().forEach(st -> st.compute(s));
            BigInteger[] w = s.toWitness();
            assertEquals(-1, r1cs.firstViolated(w), "x = " + x);
            long v = s.eval(y);
            assertTrue(v >= y.min && v <= y.max, "y = " + v + " outside its claimed bounds");
            return v;
        }
    }

    private static long[] samples(Random rnd, long min, long max, int n) {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (i) {
                case 0 -> min;
                case 1 -> max;
                case 2 -> 0;
                default -> min + (long) (rnd.nextDouble() * (max - min + 1));
            };
        }
        return v;
    }

    @Test
    void requantMatchesQMathOnWideAccumulators() {
        Random rnd = new Random(1);
        long min = -(1L << 20);
        long max = (1L << 20) - 1;
        for (int t : new int[] {-9, -2, 0, 1, 5, 12, 20, 30}) {
            for (int lo : new int[] {-128, 0}) {
                Harness h = Harness.of(min, max, (b, x) -> QuantGadgets.requant(b, x, t, lo));
                for (long x : samples(rnd, min, max, 300)) {
                    assertEquals(QMath.requant(x, t, lo), h.run(x), "t=" + t + " lo=" + lo + " x=" + x);
                }
                // exact halves around zero and around the clamp thresholds
                if (t > 0) {
                    long half = 1L << (t - 1);
                    for (long k = -300; k <= 300; k += 1) {
                        long x = k * (1L << t) + half;
                        if (x >= min && x <= max) {
                            assertEquals(QMath.requant(x, t, lo), h.run(x));
                            assertEquals(QMath.requant(x - 1, t, lo), h.run(x - 1));
                        }
                    }
                }
            }
        }
    }

    /** About one constraint per bit of the accumulator range plus 4 (zero test, select, sign). */
    @Test
    void requantCostsAboutTheBitsOfTheAccumulatorRange() {
        for (int bits : new int[] {12, 16, 21, 24}) {
            for (int t : new int[] {4, 8, 12}) {
                long min = -(1L << (bits - 1));
                long max = (1L << (bits - 1)) - 1;
                Harness h = Harness.of(min, max, (b, x) -> QuantGadgets.requant(b, x, t, -128));
                int n = h.r1cs().constraints().size();
                assertTrue(n <= bits + 4, bits + "-bit accumulator, t=" + t + ": " + n + " constraints");
            }
        }
    }

    @Test
    void requantRejectsAForgedRounding() {
        Harness h = Harness.of(-5000, 5000, (b, x) -> QuantGadgets.requant(b, x, 6, -128));
        WitnessState s = new WitnessState(h.b().wireCount(), true);
        s.setInt(1, 1234);
        h.b().steps().forEach(st -> st.compute(s));
        BigInteger[] w = s.toWitness();
        assertEquals(-1, h.r1cs().firstViolated(w));
        // the witness of the neighbouring output (1234 + 64 rounds one step higher) with the true input: rejected
        WitnessState other = new WitnessState(h.b().wireCount(), true);
        other.setInt(1, 1234 + 64);
        h.b().steps().forEach(st -> st.compute(other));
        BigInteger[] forged = other.toWitness();
        forged[1] = Field.of(1234);
        assertNotEquals(-1, h.r1cs().firstViolated(forged));
    }

    @Test
    void maxAndRoundDivMatchTheExecutorFormulas() {
        Random rnd = new Random(2);
        // max(x, c) for a constant c inside the range: covers both branches and equality
        for (long c : new long[] {-128, -5, 0, 77, 127}) {
            Harness h = Harness.of(-128, 127, (b, x) -> QuantGadgets.max(b, x, IntExpr.constant(c)));
            for (long x = -128; x <= 127; x++) {
                assertEquals(Math.max(x, c), h.run(x));
            }
        }
        for (int cnt : new int[] {1, 2, 3, 4, 6, 9, 25}) {
            long min = -128L * cnt;
            long max = 127L * cnt;
            Harness h = Harness.of(min, max, (b, x) -> QuantGadgets.roundDiv(b, x, cnt));
            for (long x : samples(rnd, min, max, 200)) {
                assertEquals(Math.floorDiv(2 * x + cnt, 2L * cnt), h.run(x), "sum " + x + " cnt " + cnt);
            }
        }
    }
}
