package org.haca.benchmarks;

import java.nio.FloatBuffer;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.haca.api.model.Tensor;
import org.haca.backend.quant.internal.QuantModel;
import org.haca.onnx.testmodels.TestModels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;

/**
 * Integer backend vs ONNX Runtime (CPU, float32) in the same run, on the seeded test models. One op = one inference
 * call with a batch of {@code batch} inputs, including the float↔tensor conversions each backend does per call
 * (quant: validation, input quantization, dequantization; ORT: tensor creation and output copy). Throughput in
 * samples/s = batch / (time per op).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class InferenceBenchmark {

    @Param({"mlp", "cnn"})
    public String model;

    @Param({"1", "64"})
    public int batch;

    /** ONNX Runtime intra-op threads; 0 = ORT default (one per core). The quant backend is single-threaded per call. */
    @Param({"1"})
    public int ortThreads;

    private long[] shape;
    private float[] input;
    private Map<String, Tensor> quantInputs;
    private QuantModel quant;
    private OrtEnvironment env;
    private OrtSession session;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        byte[] onnx = model.equals("mlp") ? TestModels.mlp() : TestModels.cnn();
        shape = model.equals("mlp") ? new long[] {batch, 784} : new long[] {batch, 1, 28, 28};
        input = TestModels.input(1, batch * 784);
        quantInputs = Map.of(TestModels.INPUT, Tensor.ofFloats(shape, input));
        quant = QuantModel.load(onnx);
        env = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "bench");
        OrtSession.SessionOptions so = new OrtSession.SessionOptions();
        so.setIntraOpNumThreads(ortThreads);
        so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        session = env.createSession(onnx, so);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws OrtException {
        session.close();
    }

    @Benchmark
    public float[] quant() throws Exception {
        return quant.infer(quantInputs, Long.MAX_VALUE).get(TestModels.OUTPUT).floats();
    }

    @Benchmark
    public float[] onnxruntime() throws OrtException {
        try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), shape);
                OrtSession.Result r = session.run(Map.of(TestModels.INPUT, t))) {
            float[][] out = (float[][]) r.get(0).getValue();
            return out[out.length - 1];
        }
    }
}
