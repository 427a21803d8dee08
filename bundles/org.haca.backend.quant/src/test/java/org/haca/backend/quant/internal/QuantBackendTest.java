package org.haca.backend.quant.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.haca.api.inference.InferenceException;
import org.haca.api.inference.InferenceException.Kind;
import org.haca.api.inference.ModelSource;
import org.haca.api.model.DType;
import org.haca.api.model.Tensor;
import org.haca.backend.quant.internal.qprog.QTensor;
import org.haca.onnx.testmodels.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class QuantBackendTest {

    static QuantBackend backend() {
        QuantBackend b = new QuantBackend();
        b.activate(new QuantBackend.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return QuantBackend.Config.class;
            }

            @Override
            public long maxInputElements() {
                return 1_000_000;
            }

            @Override
            public long drainTimeoutMillis() {
                return 5_000;
            }

            @Override
            public int threads() {
                return 2;
            }
        });
        return b;
    }

    static InferenceException expect(Kind kind, String fragment, Executable call) {
        InferenceException e = assertThrows(InferenceException.class, call);
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), "'" + e.getMessage() + "' should mention " + fragment);
        return e;
    }

    @Test
    void identityAndOutputs() throws Exception {
        QuantBackend b = backend();
        assertEquals("quant", b.id());
        assertTrue(b.deterministic());
        ModelSource m = TestSupport.source(TestModels.mlp());
        float[] x = TestModels.input(1, 3 * 784);
        Map<String, Tensor> out = b.infer(m, Map.of("input", Tensor.ofFloats(new long[] {3, 784}, x)));
        Tensor logits = out.get("logits");
        assertEquals(DType.FLOAT32, logits.dtype());
        assertArrayEquals(new long[] {3, 10}, logits.shape());
        // raw int8 outputs: the float outputs are exactly q · 2^-e
        Map<String, QTensor> raw = b.inferRaw(m, Map.of("input", Tensor.ofFloats(new long[] {3, 784}, x)));
        QTensor q = raw.get("logits");
        float[] f = logits.floats();
        for (int i = 0; i < f.length; i++) {
            assertEquals(Math.scalb((float) q.data()[i], -q.exponent()), f[i]);
        }
        // batch rows are independent: row 1 of the batch equals a batch-1 call on that row
        float[] row1 = java.util.Arrays.copyOfRange(x, 784, 2 * 784);
        float[] single = b.infer(m, Map.of("input", Tensor.ofFloats(new long[] {1, 784}, row1))).get("logits").floats();
        assertArrayEquals(java.util.Arrays.copyOfRange(f, 10, 20), single);
        assertTrue(b.isLoaded(m.descriptor().id()));
        b.unload(m.descriptor().id());
        assertFalse(b.isLoaded(m.descriptor().id()));
        b.modelRemoved("unknown"); // must not throw
    }

    @Test
    void cnnRunsWithBatch() throws Exception {
        QuantBackend b = backend();
        float[] x = TestModels.input(2, 5 * 784);
        Tensor out = b.infer(TestSupport.source(TestModels.cnn()), Map.of("input", Tensor.ofFloats(new long[] {5, 1, 28, 28}, x)))
                .get("logits");
        assertArrayEquals(new long[] {5, 10}, out.shape());
    }

    @Test
    void badInputsAreRejectedNamingTheInput() {
        QuantBackend b = backend();
        ModelSource m = TestSupport.source(TestModels.mlp());
        float[] x = TestModels.input(1, 784);
        expect(Kind.BAD_INPUT, "missing input 'input'", () -> b.infer(m, Map.of()));
        expect(Kind.BAD_INPUT, "unknown input 'other'", () -> b.infer(m, Map.of("input", Tensor.ofFloats(new long[] {1, 784}, x),
                "other", Tensor.ofFloats(new long[] {1}, 1f))));
        expect(Kind.BAD_INPUT, "'input' must be FLOAT32", () -> b.infer(m, Map.of("input", Tensor.ofInts(new long[] {1, 784},
                new int[784]))));
        expect(Kind.BAD_INPUT, "'input' has shape [1, 783]", () -> b.infer(m, Map.of("input",
                Tensor.ofFloats(new long[] {1, 783}, java.util.Arrays.copyOf(x, 783)))));
        expect(Kind.BAD_INPUT, "'input' has shape [784]", () -> b.infer(m, Map.of("input", Tensor.ofFloats(new long[] {784}, x))));
        float[] nan = x.clone();
        nan[17] = Float.NaN;
        expect(Kind.BAD_INPUT, "'input' contains NaN at index 17", () -> b.infer(m, Map.of("input",
                Tensor.ofFloats(new long[] {1, 784}, nan))));
        float[] inf = x.clone();
        inf[3] = Float.NEGATIVE_INFINITY;
        expect(Kind.BAD_INPUT, "'input' contains -Infinity", () -> b.infer(m, Map.of("input",
                Tensor.ofFloats(new long[] {1, 784}, inf))));
        expect(Kind.BAD_INPUT, "more than the limit", () -> b.infer(m, Map.of("input",
                Tensor.ofFloats(new long[] {2000, 784}, new float[2000 * 784]))));
        // empty batch is fine
        assertDoesNotThrowBadInput(b, m);
    }

    private static void assertDoesNotThrowBadInput(QuantBackend b, ModelSource m) {
        try {
            Tensor out = b.infer(m, Map.of("input", Tensor.ofFloats(new long[] {0, 784}))).get("logits");
            assertArrayEquals(new long[] {0, 10}, out.shape());
        } catch (InferenceException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void unsupportedOpIsRejectedAtLoadWithItsName() {
        QuantBackend b = backend();
        for (String op : new String[] {"Sigmoid", "Softmax", "LSTM"}) {
            ModelSource m = TestSupport.source(TestSupport.singleOp(op));
            expect(Kind.UNSUPPORTED, "operator " + op, () -> b.infer(m, Map.of("x", Tensor.ofFloats(new long[] {1, 4}, 1, 2, 3, 4))));
            assertFalse(b.isLoaded(m.descriptor().id()));
        }
        // garbage bytes are not a model
        expect(Kind.BAD_INPUT, "ONNX", () -> b.infer(TestSupport.source(new byte[] {1, 2, 3, 4, 5}), Map.of()));
    }

    @Test
    void concurrentFirstCallsShareOneLoad() throws Exception {
        QuantBackend b = backend();
        ModelSource m = TestSupport.source(TestModels.cnn());
        Map<String, Tensor> in = Map.of("input", Tensor.ofFloats(new long[] {1, 1, 28, 28}, TestModels.input(3, 784)));
        Thread[] ts = new Thread[4];
        Map<Integer, QuantModel> seen = new HashMap<>();
        AtomicReference<Throwable> err = new AtomicReference<>();
        for (int i = 0; i < ts.length; i++) {
            int k = i;
            ts[i] = new Thread(() -> {
                try {
                    QuantModel qm = b.model(m);
                    b.infer(m, in);
                    synchronized (seen) {
                        seen.put(k, qm);
                    }
                } catch (Throwable t) {
                    err.set(t);
                }
            });
            ts[i].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        if (err.get() != null) {
            throw new AssertionError(err.get());
        }
        assertEquals(1, seen.values().stream().distinct().count());
    }

    @Test
    void deactivateDrainsRunningCallsThenRefuses() throws Exception {
        QuantBackend b = backend();
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        byte[] onnx = TestModels.mlp();
        ModelSource slow = new ModelSource() {
            final ModelSource d = TestSupport.source(onnx);

            @Override
            public org.haca.api.model.ModelDescriptor descriptor() {
                return d.descriptor();
            }

            @Override
            public byte[] bytes() {
                loading.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return onnx.clone();
            }
        };
        AtomicReference<Object> result = new AtomicReference<>();
        Thread call = new Thread(() -> {
            try {
                result.set(b.infer(slow, Map.of("input", Tensor.ofFloats(new long[] {1, 784}, TestModels.input(1, 784)))));
            } catch (Throwable t) {
                result.set(t);
            }
        });
        call.start();
        loading.await();
        Thread stopper = new Thread(() -> {
            try {
                b.deactivate();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        stopper.start();
        Thread.sleep(100);
        assertTrue(stopper.isAlive(), "deactivate must wait for the running call");
        release.countDown();
        stopper.join(5_000);
        call.join(5_000);
        assertFalse(stopper.isAlive());
        assertTrue(result.get() instanceof Map, "the running call completes: " + result.get());
        assertFalse(b.isLoaded(slow.descriptor().id()));
        expect(Kind.UNAVAILABLE, "stopping", () -> b.infer(slow, Map.of()));
    }
}
