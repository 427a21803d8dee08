package org.haca.backend.quant.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.haca.api.inference.InferenceException;
import org.haca.api.inference.InferenceException.Kind;
import org.haca.api.model.Tensor;
import org.haca.backend.quant.internal.ir.FloatExecutor;
import org.haca.backend.quant.internal.ir.FloatExecutor.FTensor;
import org.haca.backend.quant.internal.qprog.QOp;
import org.haca.backend.quant.internal.qprog.QProgram;
import org.haca.backend.quant.internal.quantize.OnnxImport;
import org.haca.onnx.OnnxAttribute;
import org.haca.onnx.OnnxGraph;
import org.haca.onnx.OnnxModel;
import org.haca.onnx.OnnxNode;
import org.haca.onnx.OnnxTensor;
import org.haca.onnx.OnnxValueInfo;
import org.haca.onnx.OnnxWriter;
import org.junit.jupiter.api.Test;

/** ONNX → integer program lowering: attribute folding, fusion, aliases, and clear rejections. */
class QuantizerTest {

    /** A tiny ONNX builder for test graphs. */
    static final class B {
        final List<OnnxNode> nodes = new ArrayList<>();
        final Map<String, OnnxTensor> inits = new LinkedHashMap<>();
        final List<OnnxValueInfo> in = new ArrayList<>();
        final List<OnnxValueInfo> out = new ArrayList<>();
        final Random rnd = new Random(5);

        B input(String n, Long... shape) {
            in.add(new OnnxValueInfo(n, OnnxTensor.FLOAT, List.of(shape), null));
            return this;
        }

        B output(String n, Long... shape) {
            out.add(new OnnxValueInfo(n, OnnxTensor.FLOAT, List.of(shape), null));
            return this;
        }

        B weight(String n, long... dims) {
            long c = 1;
            for (long d : dims) {
                c *= d;
            }
            float[] v = new float[(int) c];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (rnd.nextGaussian() * 0.5);
            }
            inits.put(n, OnnxTensor.ofFloats(n, dims, v));
            return this;
        }

        B node(String op, List<String> ins, List<String> outs, OnnxAttribute... attrs) {
            Map<String, OnnxAttribute> a = new LinkedHashMap<>();
            for (OnnxAttribute x : attrs) {
                a.put(x.name(), x);
            }
            nodes.add(new OnnxNode(outs.get(0) + "_" + op, op, "", ins, outs, a));
            return this;
        }

        byte[] build() {
            return OnnxWriter.write(new OnnxModel(OnnxWriter.IR_VERSION, "test", Map.of("", 13L),
                    new OnnxGraph("g", nodes, inits, in, out)));
        }
    }

    /** Max |quant - float| over 20 random inputs in [0,1). */
    static double maxError(byte[] onnx, int features) throws Exception {
        QuantModel qm = QuantModel.load(onnx);
        FloatExecutor fx = new FloatExecutor(OnnxImport.read(onnx));
        Random r = new Random(11);
        double max = 0;
        for (int s = 0; s < 20; s++) {
            float[] x = new float[4 * features];
            for (int i = 0; i < x.length; i++) {
                x[i] = r.nextFloat();
            }
            float[] ref = fx.run(Map.of("x", new FTensor(new int[] {4, features}, x)), null).values().iterator().next().data();
            float[] q = qm.infer(Map.of("x", Tensor.ofFloats(new long[] {4, features}, x)), Long.MAX_VALUE).values()
                    .iterator().next().floats();
            for (int i = 0; i < ref.length; i++) {
                max = Math.max(max, Math.abs(ref[i] - q[i]));
            }
        }
        return max;
    }

    @Test
    void gemmFoldsAlphaBetaAndTransB() throws Exception {
        byte[] m = new B().input("x", -1L, 8L).output("y", -1L, 3L).weight("w", 3, 8).weight("c", 3)
                .node("Gemm", List.of("x", "w", "c"), List.of("y"), OnnxAttribute.ofFloat("alpha", 0.5f),
                        OnnxAttribute.ofFloat("beta", 2f), OnnxAttribute.ofInt("transB", 1))
                .build();
        QProgram p = QuantModel.load(m).program();
        assertEquals(1, p.ops().size());
        assertTrue(p.ops().get(0) instanceof QOp.Linear l && l.m() == 3 && l.k() == 8 && !l.relu());
        assertTrue(maxError(m, 8) < 0.1, "error " + maxError(m, 8));
    }

    @Test
    void matMulAddReluFuseIntoOneLinear() throws Exception {
        byte[] m = new B().input("x", -1L, 8L).output("y", -1L, 5L).weight("w", 8, 5).weight("b", 5)
                .node("MatMul", List.of("x", "w"), List.of("mm"))
                .node("Add", List.of("b", "mm"), List.of("a"))
                .node("Relu", List.of("a"), List.of("y")).build();
        QProgram p = QuantModel.load(m).program();
        assertEquals(1, p.ops().size(), p.ops().toString());
        assertTrue(p.ops().get(0) instanceof QOp.Linear l && l.relu() && l.bias() != null);
        assertTrue(maxError(m, 8) < 0.1);
    }

    @Test
    void residualAddOfTwoActivationsAndAliases() throws Exception {
        byte[] m = new B().input("x", -1L, 6L).output("y", -1L, 6L).weight("w", 6, 6).weight("b", 6)
                .node("Identity", List.of("x"), List.of("xi"))
                .node("Gemm", List.of("xi", "w", "b"), List.of("g"))
                .node("Relu", List.of("g"), List.of("r"))
                .node("Add", List.of("r", "x"), List.of("s"))
                .node("Dropout", List.of("s"), List.of("y")).build();
        QProgram p = QuantModel.load(m).program();
        assertTrue(p.ops().stream().anyMatch(o -> o instanceof QOp.Add), p.ops().toString());
        assertEquals("s", p.outputs().get(0).tensor());
        assertEquals("y", p.outputs().get(0).name());
        assertTrue(maxError(m, 6) < 0.15, "error " + maxError(m, 6));
    }

    static void rejected(byte[] m, String fragment) {
        InferenceException e = assertThrows(InferenceException.class, () -> QuantModel.load(m));
        assertEquals(Kind.UNSUPPORTED, e.kind());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void unsupportedAttributesAreNamed() {
        rejected(new B().input("x", 8L, -1L).output("y", -1L, 3L).weight("w", 8, 3)
                .node("Gemm", List.of("x", "w"), List.of("y"), OnnxAttribute.ofInt("transA", 1)).build(), "transA=1");
        rejected(new B().input("x", -1L, 2L, 5L, 5L).output("y", -1L, 2L, 3L, 3L).weight("w", 2, 1, 3, 3)
                .node("Conv", List.of("x", "w"), List.of("y"), OnnxAttribute.ofInt("group", 2)).build(), "group=2");
        rejected(new B().input("x", -1L, 1L, 4L, 4L).output("y", -1L, 1L, 2L, 2L)
                .node("MaxPool", List.of("x"), List.of("y", "idx"), OnnxAttribute.ofInts("kernel_shape", 2, 2)).build(),
                "Indices");
        rejected(new B().input("x", -1L, 1L, 4L, 4L).output("y", -1L, 1L, 2L, 2L)
                .node("AveragePool", List.of("x"), List.of("y"), OnnxAttribute.ofInts("kernel_shape", 2, 2),
                        OnnxAttribute.ofInt("ceil_mode", 1)).build(), "ceil_mode=1");
        rejected(new B().input("x", -1L, 4L).input("z", 4L, 4L).output("y", -1L, 4L)
                .node("MatMul", List.of("x", "z"), List.of("y")).build(), "constant-weight");
        rejected(new B().input("x", -1L, 4L).output("y", -1L, 4L)
                .node("Softmax", List.of("x"), List.of("y")).build(), "operator Softmax");
    }
}
