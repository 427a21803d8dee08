package org.haca.benchmarks;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.haca.api.inference.InferenceException;
import org.haca.api.inference.ModelBackend;
import org.haca.api.inference.ModelSource;
import org.haca.api.model.CanonicalHash;
import org.haca.api.model.ModelDescriptor;
import org.haca.api.model.Tensor;
import org.haca.backend.onnxruntime.internal.OnnxRuntimeBackend;
import org.haca.backend.quant.internal.QuantBackend;
import org.haca.onnx.testmodels.TestModels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Backend cost through the {@link ModelBackend} SPI (input validation, tensor conversion and the run itself, as the
 * inference engine pays it): latency at batch 1 and throughput at batch 64, for the generated MLP and CNN. Backends are
 * compared in the same run by the {@code backend} parameter; a backend joins by adding a case to {@link #create}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BackendBenchmark {

    @Param({"onnxruntime", "quant"})
    public String backend;

    @Param({"mlp", "cnn"})
    public String model;

    /** Threads a backend may use inside one inference (ORT intra-op threads; quant: row-parallel GEMM). */
    @Param({"1"})
    public int threads;

    private ModelBackend impl;
    private ModelSource source;
    private Map<String, Tensor> batch1;
    private Map<String, Tensor> batch64;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        impl = create(backend, threads);
        byte[] bytes = "mlp".equals(model) ? TestModels.mlp() : TestModels.cnn();
        source = source(bytes);
        batch1 = input(1);
        batch64 = input(64);
        // first call builds the session: not part of any measurement
        impl.infer(source, batch1);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (impl instanceof OnnxRuntimeBackend ort) {
            ort.deactivate();
        }
        if (impl instanceof QuantBackend q) {
            q.deactivate();
        }
    }

    /** Latency of one single-sample inference. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Map<String, Tensor> latencyBatch1() throws InferenceException {
        return impl.infer(source, batch1);
    }

    /** Batches of 64 per second; multiply by 64 for samples per second. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Map<String, Tensor> throughputBatch64() throws InferenceException {
        return impl.infer(source, batch64);
    }

    static ModelBackend create(String id, int threads) throws Exception {
        return switch (id) {
            case "onnxruntime" -> OnnxRuntimeBackend.standalone(threads);
            case "quant" -> QuantBackend.standalone(threads);
            default -> throw new IllegalArgumentException("unknown backend " + id);
        };
    }

    private Map<String, Tensor> input(int n) {
        long[] shape = "mlp".equals(model) ? new long[] {n, 784} : new long[] {n, 1, 28, 28};
        return Map.of(TestModels.INPUT, Tensor.ofFloats(shape, TestModels.input(7 + n, n * 784)));
    }

    private static ModelSource source(byte[] bytes) {
        ModelDescriptor d = new ModelDescriptor(CanonicalHash.ofBytes(bytes), "bench", bytes.length, List.of(),
                List.of(), Instant.EPOCH);
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
}
