package org.haca.proof.zk.internal.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.haca.backend.quant.internal.qprog.QExecutor;
import org.haca.backend.quant.internal.qprog.QOp;
import org.haca.backend.quant.internal.qprog.QProgram;
import org.haca.backend.quant.internal.qprog.QTensor;
import org.junit.jupiter.api.Test;

/** Every op of the quantized program, on small synthetic programs, against QExecutor (the integer reference). */
class QuantOpsCircuitTest {

    /** Builds a program: one or two inputs, ops, every op output is also a program output. */
    private static QProgram program(Map<String, long[]> inputs, List<QOp> ops, Map<String, Integer> exps) {
        List<QProgram.Input> ins = new ArrayList<>();
        Map<String, Integer> e = new HashMap<>(exps);
        inputs.forEach((n, s) -> {
            ins.add(new QProgram.Input(n, s, 0));
            e.put(n, 0);
        });
        List<QProgram.Output> outs = new ArrayList<>();
        for (QOp op : ops) {
            e.putIfAbsent(op.output(), 0);
            outs.add(new QProgram.Output(op.output(), op.output(), e.get(op.output())));
        }
        return new QProgram(ins, outs, e, ops);
    }

    /** Runs the circuit's witness on the input and compares with QExecutor; the witness satisfies every constraint. */
    private static void assertMatches(CompiledCircuit c, Map<String, QTensor> in) {
        BigInteger[] w = c.witness(in, BigInteger.ONE);
        assertEquals(-1, c.r1cs().firstViolated(w));
        Map<String, QTensor> expected = new QExecutor(c.program()).run(in);
        assertEquals(expected, c.outputs(c.publicSignals(w)));
    }

    /**
     * Requantization over every int8 input: shifts from left shifts (negative t, including the saturating range) to
     * beyond the accumulator, exact halves (acc ≡ 2^(t-1) mod 2^t, positive and negative), clamps at both ends,
     * with and without fused ReLU.
     */
    @Test
    void requantizationEdgesOverEveryInt8Input() {
        int[][] cases = { // weight, bias, shift
            {1, 0, 0}, {1, 0, 1}, {1, 0, 2}, {-1, 0, 2}, {1, 2, 2}, {127, 0, 0}, {127, 0, 7}, {-127, 0, 7},
            {127, 64, 7}, {-127, -64, 7}, {37, -1000, 5}, {1, 0, -1}, {1, 0, -3}, {3, 5, -9}, {1, 0, -25},
            {127, 100000, 12}, {-127, 3000, 12}, {127, 0, 14}, {127, 0, 15}, {127, 0, 16}, {1, 0, 62}, {100, 1 << 20, 10}};
        List<QOp> ops = new ArrayList<>();
        Map<String, Integer> exps = new HashMap<>();
        for (int i = 0; i < cases.length; i++) {
            for (boolean relu : new boolean[] {false, true}) {
                String out = "y" + i + (relu ? "r" : "");
                ops.add(new QOp.Linear("x", out, 1, 1, new byte[] {(byte) cases[i][0]}, 0, new int[] {cases[i][1]},
                        cases[i][2], relu));
                exps.put(out, -cases[i][2]); // shift = e_in + e_w - e_out with e_in = e_w = 0
            }
        }
        CompiledCircuit c = CircuitCompiler.compile(program(Map.of("x", new long[] {1, 1}), ops, exps));
        for (int x = -128; x <= 127; x++) {
            assertMatches(c, Map.of("x", new QTensor(new int[] {1, 1}, new byte[] {(byte) x}, 0)));
        }
    }

    @Test
    void linearWithManyInputsAndBatchRows() {
        Random rnd = new Random(3);
        byte[] w = new byte[6 * 40];
        for (int i = 0; i < w.length; i++) {
            w[i] = (byte) (rnd.nextInt(255) - 127);
        }
        int[] bias = rnd.ints(6, -5000, 5000).toArray();
        List<QOp> ops = List.of(new QOp.Linear("x", "y", 6, 40, w, 0, bias, 9, false),
                new QOp.Linear("x", "z", 6, 40, w, 0, null, 11, true));
        CompiledCircuit c = CircuitCompiler.compile(program(Map.of("x", new long[] {3, 40}), ops,
                Map.of("y", -9, "z", -11)));
        for (int s = 0; s < 4; s++) {
            assertMatches(c, Models.randomInput(c, s, true));
        }
    }

    @Test
    void convolutionWithPaddingStridesAndDilation() {
        Random rnd = new Random(4);
        byte[] w = new byte[3 * 2 * 3 * 2];
        for (int i = 0; i < w.length; i++) {
            w[i] = (byte) (rnd.nextInt(255) - 127);
        }
        List<QOp> ops = List.of(
                new QOp.Conv("x", "a", 3, 2, 3, 2, w, 0, new int[] {-300, 0, 1000}, new int[] {1, 0, 2, 1},
                        new int[] {1, 2}, new int[] {1, 1}, 6, true),
                new QOp.Conv("x", "b", 3, 2, 3, 2, w, 0, null, new int[] {0, 0, 0, 0}, new int[] {2, 1},
                        new int[] {2, 2}, 4, false));
        CompiledCircuit c = CircuitCompiler.compile(program(Map.of("x", new long[] {-1, 2, 7, 6}), ops,
                Map.of("a", -6, "b", -4)));
        assertEquals(List.of(1, 2, 7, 6), java.util.Arrays.stream(c.inputShapes().get("x")).boxed().toList());
        for (int s = 0; s < 4; s++) {
            assertMatches(c, Models.randomInput(c, s, true));
        }
    }

    @Test
    void poolingReluAddAndShapes() {
        List<QOp> ops = List.of(
                new QOp.MaxPool("x", "mp", 2, 2, new int[] {0, 0, 0, 0}, new int[] {2, 2}),
                // padding larger than the kernel: some windows hold only padding (-128 by definition)
                new QOp.MaxPool("x", "mpPad", 2, 3, new int[] {2, 1, 1, 3}, new int[] {3, 2}),
                new QOp.AvgPool("x", "ap", 2, 2, new int[] {0, 0, 0, 0}, new int[] {2, 2}, false),
                new QOp.AvgPool("x", "apPad", 3, 3, new int[] {1, 1, 1, 1}, new int[] {2, 2}, false),
                new QOp.AvgPool("x", "apIncl", 3, 2, new int[] {1, 2, 1, 0}, new int[] {1, 3}, true),
                new QOp.AvgPool("x", "apEmpty", 2, 2, new int[] {2, 2, 0, 0}, new int[] {3, 3}, false),
                new QOp.Relu("x", "relu"),
                new QOp.Add("x", "relu", "sum", 0, 2, 1, false),
                new QOp.Add("mp", "ap", "sumRelu", 1, 0, 0, true),
                new QOp.Reshape("sum", "flat", new long[] {0, -1}),
                new QOp.Flatten("x", "flat2", 2),
                new QOp.AddConst("flat", "ac", new int[] {48}, java.util.stream.IntStream.range(0, 48)
                        .map(i -> (i * 37) % 200 - 100).toArray(), 2, false),
                new QOp.AddConst("x", "acScalar", new int[] {1}, new int[] {-77}, 0, true),
                new QOp.Add("y", "x", "bcast", 3, 0, 3, false));
        Map<String, long[]> inputs = new LinkedHashMap<>();
        inputs.put("x", new long[] {1, 2, 4, 6});
        inputs.put("y", new long[] {1, 4, 1});
        CompiledCircuit c = CircuitCompiler.compile(program(inputs, ops, Map.of()));
        for (int s = 0; s < 6; s++) {
            assertMatches(c, Models.randomInput(c, s, s % 2 == 0));
        }
    }

    @Test
    void unsupportedParametersAndShapesAreNamed() {
        List<QOp> bigShift = List.of(new QOp.Add("x", "x", "s", 40, 0, 0, false));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CircuitCompiler.compile(program(Map.of("x", new long[] {1, 2}), bigShift, Map.of())));
        assertTrue(e.getMessage().contains("Add s"), e.getMessage());
        List<QOp> relu = List.of(new QOp.Relu("x", "r"));
        e = assertThrows(IllegalArgumentException.class,
                () -> CircuitCompiler.compile(program(Map.of("x", new long[] {1, -1}), relu, Map.of())));
        assertTrue(e.getMessage().contains("input x"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> CircuitCompiler.compile(program(Map.of("x", new long[] {1, 300}), relu, Map.of()), 1000));
        assertTrue(e.getMessage().contains("more than 1000 constraints"), e.getMessage());
    }
}
