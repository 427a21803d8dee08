package org.haca.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.haca.api.inference.ModelBackend;
import org.haca.api.inference.ModelSource;
import org.haca.api.model.CanonicalHash;
import org.haca.api.model.ModelDescriptor;
import org.haca.api.model.Tensor;
import org.haca.onnx.testmodels.TestModels;

/**
 * Backends side by side on a shared machine: calls are interleaved (quant, ORT, quant, ORT, ...) and each call's cost is
 * the calling thread's CPU time, which other processes on the machine do not inflate the way they inflate wall time.
 * Both backends run single-threaded on the calling thread (ORT intra-op threads = 1, quant threads = 1), so CPU time
 * is the whole cost. Complements the JMH wall-clock figures of {@link BackendBenchmark}.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp target/benchmarks.jar
 * org.haca.benchmarks.CpuTimeComparison [rounds]}
 */
public final class CpuTimeComparison {
    private CpuTimeComparison() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        ModelBackend ort = BackendBenchmark.create("onnxruntime", 1);
        ModelBackend quant = BackendBenchmark.create("quant", 1);
        System.out.printf(Locale.ROOT, "%-4s %5s %14s %14s %8s%n", "model", "batch", "ort cpu us", "quant cpu us", "quant/ort throughput");
        for (String model : List.of("mlp", "cnn")) {
            byte[] bytes = "mlp".equals(model) ? TestModels.mlp() : TestModels.cnn();
            ModelSource src = source(bytes);
            for (int batch : new int[] {1, 64}) {
                long[] shape = "mlp".equals(model) ? new long[] {batch, 784} : new long[] {batch, 1, 28, 28};
                Map<String, Tensor> in = Map.of(TestModels.INPUT, Tensor.ofFloats(shape, TestModels.input(7 + batch, batch * 784)));
                int n = batch == 1 ? rounds * 4 : rounds;
                long[] to = new long[n];
                long[] tq = new long[n];
                for (int i = 0; i < n; i++) {
                    long t0 = mx.getCurrentThreadCpuTime();
                    quant.infer(src, in);
                    long t1 = mx.getCurrentThreadCpuTime();
                    ort.infer(src, in);
                    long t2 = mx.getCurrentThreadCpuTime();
                    tq[i] = t1 - t0;
                    to[i] = t2 - t1;
                }
                double mo = median(to, n / 2);
                double mq = median(tq, n / 2);
                System.out.printf(Locale.ROOT, "%-4s %5d %14.1f %14.1f %8.2f%n", model, batch, mo / 1000, mq / 1000, mo / mq);
            }
        }
        System.exit(0);
    }

    /** Median of the second half (after warm-up). */
    private static double median(long[] t, int from) {
        long[] s = Arrays.copyOfRange(t, from, t.length);
        Arrays.sort(s);
        return s[s.length / 2];
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
