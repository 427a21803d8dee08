package org.haca.backend.quant.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.haca.api.inference.ModelSource;
import org.haca.api.model.CanonicalHash;
import org.haca.api.model.Tensor;
import org.haca.backend.quant.internal.qprog.QProgramCodec;
import org.haca.onnx.testmodels.TestModels;
import org.junit.jupiter.api.Test;

/**
 * Byte-identical outputs across threads and runs, and golden hashes that pin the quantized programs and outputs: a
 * different JVM, CPU or OS that produced other bytes would fail here.
 */
class DeterminismTest {

    static final int THREADS = 8;
    static final int RUNS = 25;

    static byte[] outputBytes(QuantBackend b, ModelSource m, Tensor x) throws Exception {
        return b.infer(m, Map.of("input", x)).get("logits").bytes();
    }

    void sameBytesEverywhere(byte[] onnx, long[] shape) throws Exception {
        QuantBackend b = QuantBackendTest.backend();
        ModelSource m = TestSupport.source(onnx);
        int per = (int) (Tensor.elementCount(shape));
        List<Tensor> inputs = new ArrayList<>();
        List<byte[]> expected = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Tensor x = Tensor.ofFloats(shape, TestModels.input(500 + i, per));
            inputs.add(x);
            expected.add(outputBytes(b, m, x));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<byte[]>>> fs = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                fs.add(pool.submit(() -> {
                    List<byte[]> got = new ArrayList<>();
                    for (int r = 0; r < RUNS; r++) {
                        for (Tensor x : inputs) {
                            got.add(outputBytes(b, m, x));
                        }
                    }
                    return got;
                }));
            }
            for (Future<List<byte[]>> f : fs) {
                List<byte[]> got = f.get();
                for (int i = 0; i < got.size(); i++) {
                    assertArrayEquals(expected.get(i % inputs.size()), got.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        // a fresh backend (fresh quantization) gives the same bytes
        QuantBackend b2 = QuantBackendTest.backend();
        for (int i = 0; i < inputs.size(); i++) {
            assertArrayEquals(expected.get(i), outputBytes(b2, m, inputs.get(i)));
        }
    }

    @Test
    void mlpIsByteIdenticalAcrossThreadsAndRuns() throws Exception {
        sameBytesEverywhere(TestModels.mlp(), new long[] {16, 784});
    }

    @Test
    void cnnIsByteIdenticalAcrossThreadsAndRuns() throws Exception {
        sameBytesEverywhere(TestModels.cnn(), new long[] {2, 1, 28, 28});
    }

    @Test
    void threadCountDoesNotChangeTheBytes() throws Exception {
        byte[] onnx = TestModels.mlp();
        Map<String, Tensor> in = Map.of("input", Tensor.ofFloats(new long[] {64, 784}, TestModels.input(9, 64 * 784)));
        byte[] one = QuantModel.load(onnx, 1).infer(in, Long.MAX_VALUE).get("logits").bytes();
        for (int threads : new int[] {2, 3, 4}) {
            assertArrayEquals(one, QuantModel.load(onnx, threads).infer(in, Long.MAX_VALUE).get("logits").bytes());
        }
    }

    @Test
    void goldenHashes() throws Exception {
        QuantBackend b = QuantBackendTest.backend();
        StringBuilder report = new StringBuilder();
        String[][] golden = {
            {"mlp", GOLDEN_MLP_PROGRAM, GOLDEN_MLP_OUTPUT},
            {"cnn", GOLDEN_CNN_PROGRAM, GOLDEN_CNN_OUTPUT}};
        for (String[] g : golden) {
            byte[] onnx = g[0].equals("mlp") ? TestModels.mlp() : TestModels.cnn();
            long[] shape = g[0].equals("mlp") ? new long[] {8, 784} : new long[] {8, 1, 28, 28};
            ModelSource m = TestSupport.source(onnx);
            String program = QProgramCodec.hash(b.model(m).program());
            Tensor x = Tensor.ofFloats(shape, TestModels.input(77, (int) Tensor.elementCount(shape)));
            String output = CanonicalHash.ofTensors(b.infer(m, Map.of("input", x)));
            report.append(g[0]).append(" program ").append(program).append(" output ").append(output).append('\n');
            assertEquals(g[1], program, report.toString());
            assertEquals(g[2], output, report.toString());
        }
        System.out.print(report);
    }

    static final String GOLDEN_MLP_PROGRAM = "a4bbf14100810e4ea586af664450627c52c0e420daa2099787dd8b8ab7c4b607";
    static final String GOLDEN_MLP_OUTPUT = "ab99fde13bb253278be4aa11d3cd9d07dbc74afd99ffd9a1cb70238c822622ee";
    static final String GOLDEN_CNN_PROGRAM = "1d581a6e4eaf66fb25cac26f649c4385035bad236775b00f809d2a266c8d7adf";
    static final String GOLDEN_CNN_OUTPUT = "0d3bb1cb5d4867bd4476187e2e8d5448ad4256f0d17918a52867c1660c83eb79";
}
