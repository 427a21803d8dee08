package org.haca.backend.onnxruntime.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.haca.api.inference.InferenceException;
import org.haca.api.inference.InferenceException.Kind;
import org.haca.api.inference.ModelSource;
import org.haca.api.model.CanonicalHash;
import org.haca.api.model.ModelDescriptor;
import org.haca.api.model.Tensor;
import org.haca.onnx.OnnxAttribute;
import org.haca.onnx.OnnxGraph;
import org.haca.onnx.OnnxModel;
import org.haca.onnx.OnnxNode;
import org.haca.onnx.OnnxReader;
import org.haca.onnx.OnnxTensor;
import org.haca.onnx.OnnxValueInfo;
import org.haca.onnx.OnnxWriter;
import org.haca.onnx.testmodels.TestModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OnnxRuntimeBackendTest {
    private OnnxRuntimeBackend backend;

    @BeforeEach
    void start() throws Exception {
        backend = new OnnxRuntimeBackend();
        backend.start(new OnnxRuntimeBackend.Settings(1, 1_000_000, 5_000));
    }

    @AfterEach
    void stop() throws Exception {
        backend.deactivate();
    }

    static ModelSource source(byte[] bytes) {
        ModelDescriptor d = new ModelDescriptor(CanonicalHash.ofBytes(bytes), "t", bytes.length, List.of(), List.of(),
                Instant.EPOCH);
        return new ModelSource() {
            @Override
            public ModelDescriptor descriptor() {
                return d;
            }

            @Override
            public byte[] bytes() {
                return bytes.clone();
            }
        };
    }

    private static Map<String, Tensor> mlpInput(int batch, long seed) {
        return Map.of("input", Tensor.ofFloats(new long[] {batch, 784}, TestModels.input(seed, batch * 784)));
    }

    @Test
    void mlpMatchesAPlainJavaComputationAtBatch1And64() throws Exception {
        byte[] model = TestModels.mlp();
        for (int batch : new int[] {1, 64}) {
            float[] x = TestModels.input(11, batch * 784);
            Tensor out = backend.infer(source(model), Map.of("input", Tensor.ofFloats(new long[] {batch, 784}, x)))
                    .get("logits");
            assertArrayEquals(new long[] {batch, 10}, out.shape());
            float[] want = referenceMlp(model, x, batch);
            float[] got = out.floats();
            for (int k = 0; k < want.length; k++) {
                assertEquals(want[k], got[k], 1e-4, "logit " + k + " at batch " + batch);
            }
        }
    }

    @Test
    void cnnRunsWithBatchAndEachRowEqualsItsSingleRun() throws Exception {
        for (byte[] model : List.of(TestModels.cnn(), TestModels.cnnWithFlatten())) {
            float[] x = TestModels.input(5, 3 * 784);
            float[] batched = backend.infer(source(model),
                    Map.of("input", Tensor.ofFloats(new long[] {3, 1, 28, 28}, x))).get("logits").floats();
            assertEquals(30, batched.length);
            for (int row = 0; row < 3; row++) {
                float[] one = java.util.Arrays.copyOfRange(x, row * 784, (row + 1) * 784);
                float[] single = backend.infer(source(model),
                        Map.of("input", Tensor.ofFloats(new long[] {1, 1, 28, 28}, one))).get("logits").floats();
                for (int k = 0; k < 10; k++) {
                    assertEquals(single[k], batched[row * 10 + k], 1e-5);
                }
            }
        }
    }

    @Test
    void badInputsAreRejectedBeforeOnnxRuntime() {
        ModelSource mlp = source(TestModels.mlp());
        assertBad(mlp, Map.of(), "missing input 'input'");
        assertBad(mlp, Map.of("input", Tensor.ofFloats(new long[] {1, 784}, new float[784]), "extra",
                Tensor.ofFloats(new long[] {1}, 1f)), "unknown input 'extra'");
        assertBad(mlp, Map.of("input", Tensor.ofInts(new long[] {1, 784}, new int[784])), "must be FLOAT32");
        assertBad(mlp, Map.of("input", Tensor.ofFloats(new long[] {1, 783}, new float[783])), "shape [1, 783]");
        assertBad(mlp, Map.of("input", Tensor.ofFloats(new long[] {784}, new float[784])), "shape [784]");
        assertBad(mlp, Map.of("input", Tensor.ofFloats(new long[] {0, 784})), "shape [0, 784]");
        float[] nan = new float[784];
        nan[17] = Float.NaN;
        assertBad(mlp, Map.of("input", Tensor.ofFloats(new long[] {1, 784}, nan)), "element 17 is NaN");
        float[] inf = new float[784];
        inf[3] = Float.NEGATIVE_INFINITY;
        assertBad(mlp, Map.of("input", Tensor.ofFloats(new long[] {1, 784}, inf)), "element 3 is -Infinity");
        assertBad(mlp, mlpInput(1300, 1), "limit is 1000000");
    }

    private void assertBad(ModelSource model, Map<String, Tensor> inputs, String expected) {
        InferenceException e = assertThrows(InferenceException.class, () -> backend.infer(model, inputs));
        assertEquals(Kind.BAD_INPUT, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void modelOnnxRuntimeCannotRunIsUnsupported() {
        OnnxGraph g = new OnnxGraph("g", List.of(new OnnxNode("n", "NoSuchOperator", "", List.of("x"),
                List.of("y"), Map.of("a", OnnxAttribute.ofInt("a", 1)))), Map.of(),
                List.of(new OnnxValueInfo("x", OnnxTensor.FLOAT, List.of(1L), List.of(""))),
                List.of(new OnnxValueInfo("y", OnnxTensor.FLOAT, List.of(1L), List.of(""))));
        byte[] model = OnnxWriter.write(new OnnxModel(8, "t", Map.of("", 13L), g));
        InferenceException e = assertThrows(InferenceException.class,
                () -> backend.infer(source(model), Map.of("x", Tensor.ofFloats(new long[] {1}, 1f))));
        assertEquals(Kind.UNSUPPORTED, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("NoSuchOperator"), e.getMessage());
    }

    @Test
    void sessionIsCachedAndDroppedWhenTheModelIsRemoved() throws Exception {
        ModelSource mlp = source(TestModels.mlp());
        String id = mlp.descriptor().id();
        assertFalse(backend.isCached(id));
        Tensor first = backend.infer(mlp, mlpInput(2, 3)).get("logits");
        assertTrue(backend.isCached(id));
        backend.modelRemoved(id);
        assertFalse(backend.isCached(id));
        assertEquals(first, backend.infer(mlp, mlpInput(2, 3)).get("logits"), "reloading gives the same result");
        backend.unload(id);
        assertFalse(backend.isCached(id));
    }

    @Test
    void concurrentCallsWhileTheModelIsUnloadedNeverCrash() throws Exception {
        ModelSource cnn = source(TestModels.cnn());
        Map<String, Tensor> in = Map.of("input", Tensor.ofFloats(new long[] {4, 1, 28, 28}, TestModels.input(9, 4 * 784)));
        Tensor expected = backend.infer(cnn, in).get("logits");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Tensor>> results = new ArrayList<>();
            for (int k = 0; k < 40; k++) {
                results.add(pool.submit(() -> backend.infer(cnn, in).get("logits")));
                if (k % 7 == 0) {
                    backend.unload(cnn.descriptor().id()); // sessions in use close only after their calls
                }
            }
            for (Future<Tensor> f : results) {
                assertArrayEquals(expected.floats(), f.get().floats(), 1e-6f);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void stoppedBackendRefusesCalls() throws Exception {
        backend.deactivate();
        InferenceException e = assertThrows(InferenceException.class,
                () -> backend.infer(source(TestModels.mlp()), mlpInput(1, 1)));
        assertEquals(Kind.UNAVAILABLE, e.kind());
    }

    /** Gemm(784x128) + Relu + Gemm(transB, 10x128) straight from the model's initializers. */
    static float[] referenceMlp(byte[] model, float[] x, int batch) throws Exception {
        OnnxGraph g = OnnxReader.read(model).graph();
        float[] w1 = g.initializer("fc1.weight").floats();
        float[] b1 = g.initializer("fc1.bias").floats();
        float[] w2 = g.initializer("fc2.weight").floats();
        float[] b2 = g.initializer("fc2.bias").floats();
        float[] out = new float[batch * 10];
        for (int n = 0; n < batch; n++) {
            double[] h = new double[128];
            for (int j = 0; j < 128; j++) {
                double s = b1[j];
                for (int i = 0; i < 784; i++) {
                    s += (double) x[n * 784 + i] * w1[i * 128 + j];
                }
                h[j] = Math.max(0, s);
            }
            for (int o = 0; o < 10; o++) {
                double s = b2[o];
                for (int j = 0; j < 128; j++) {
                    s += h[j] * w2[o * 128 + j];
                }
                out[n * 10 + o] = (float) s;
            }
        }
        return out;
    }
}
