package org.haca.backend.quant.internal.qprog;

import java.util.SplittableRandom;

/**
 * The one hot loop: {@code acc[r][j] = Σ_i x[r][i] · w[j][i]} over int arrays holding int8 values (x: rows × k, w: m × k,
 * acc: rows × m). Two implementations give bit-identical results, because the result is an exact integer (|acc| is
 * bounded below 2^31 by the quantizer's overflow check, and int addition is associative):
 * <ul>
 * <li>{@link VectorGemm}: the JDK Vector API ({@code jdk.incubator.vector}), used when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} and the class loads and passes a self-test against the scalar loop;</li>
 * <li>a scalar loop otherwise (or when the system property {@code haca.quant.vector=false}).</li>
 * </ul>
 */
public final class Gemm {
    private static final boolean VECTOR = detectVector();
    /** Default thread count for one product: the number of cores, at most 4. */
    public static final int DEFAULT_THREADS = Math.min(4, Runtime.getRuntime().availableProcessors());
    /** Below this many multiply-adds a product runs on the calling thread. */
    private static final long PARALLEL_MIN_MACS = 1L << 21;

    private Gemm() {
    }

    /** Whether the Vector API kernel is in use. */
    public static boolean vectorized() {
        return VECTOR;
    }

    public static void gemm(int[] x, int rows, int k, int[] w, int m, int[] acc) {
        gemm(x, rows, k, w, m, acc, 1);
    }

    /**
     * Like {@link #gemm(int[], int, int, int[], int, int[])}, splitting rows between up to {@code threads} threads (the
     * caller and the common fork-join pool) when the product is large. Each output is computed by the same
     * instructions whatever the split, so the result does not depend on {@code threads}.
     */
    public static void gemm(int[] x, int rows, int k, int[] w, int m, int[] acc, int threads) {
        int parts = Math.min(threads, rows / 4);
        if (parts > 1 && (long) rows * k * m >= PARALLEL_MIN_MACS) {
            int per = ((rows + parts - 1) / parts + 3) & ~3; // multiples of the 4-row tile
            java.util.List<java.util.concurrent.ForkJoinTask<?>> tasks = new java.util.ArrayList<>();
            for (int r0 = per; r0 < rows; r0 += per) {
                int from = r0;
                int to = Math.min(rows, r0 + per);
                tasks.add(java.util.concurrent.ForkJoinPool.commonPool().submit(() -> rowsRange(x, from, to, k, w, m, acc)));
            }
            rowsRange(x, 0, Math.min(rows, per), k, w, m, acc);
            for (java.util.concurrent.ForkJoinTask<?> t : tasks) {
                t.join();
            }
            return;
        }
        rowsRange(x, 0, rows, k, w, m, acc);
    }

    /** Rows [from, to) of the product, written in place. */
    private static void rowsRange(int[] x, int from, int to, int k, int[] w, int m, int[] acc) {
        if (from == 0) {
            kernel(x, to, k, w, m, acc);
            return;
        }
        int rows = to - from;
        int[] xs = java.util.Arrays.copyOfRange(x, from * k, to * k);
        int[] part = new int[rows * m];
        kernel(xs, rows, k, w, m, part);
        System.arraycopy(part, 0, acc, from * m, rows * m);
    }

    private static void kernel(int[] x, int rows, int k, int[] w, int m, int[] acc) {
        if (VECTOR) {
            VectorGemm.gemm(x, rows, k, w, m, acc);
        } else {
            scalar(x, rows, k, w, m, acc);
        }
    }

    /**
     * {@code out[j][p] = init[j] + Σ_t w[j][t] · b[t][p]} for w: m × k, b: k × n (the convolution form: rows of b are
     * kernel taps over all output positions). Exact integers, so both implementations agree bit for bit.
     *
     * @param init per-row start value (the bias), or null for 0
     */
    public static void gemmTapsByPositions(int[] w, int m, int k, int[] b, int n, int[] init, int[] out) {
        if (VECTOR) {
            VectorGemm.tapsByPositions(w, m, k, b, n, init, out);
        } else {
            scalarTapsByPositions(w, m, k, b, n, init, out);
        }
    }

    public static void scalarTapsByPositions(int[] w, int m, int k, int[] b, int n, int[] init, int[] out) {
        for (int j = 0; j < m; j++) {
            int o = j * n;
            java.util.Arrays.fill(out, o, o + n, init == null ? 0 : init[j]);
            for (int t = 0; t < k; t++) {
                int a = w[j * k + t];
                if (a == 0) {
                    continue;
                }
                int bo = t * n;
                for (int p = 0; p < n; p++) {
                    out[o + p] += a * b[bo + p];
                }
            }
        }
    }

    /** The reference loop; also the fallback. */
    public static void scalar(int[] x, int rows, int k, int[] w, int m, int[] acc) {
        for (int r = 0; r < rows; r++) {
            int xo = r * k;
            int ao = r * m;
            for (int j = 0; j < m; j++) {
                acc[ao + j] = dot(x, xo, w, j * k, k);
            }
        }
    }

    static int dot(int[] x, int xo, int[] w, int wo, int k) {
        int s = 0;
        for (int i = 0; i < k; i++) {
            s += x[xo + i] * w[wo + i];
        }
        return s;
    }

    private static boolean detectVector() {
        if (!Boolean.parseBoolean(System.getProperty("haca.quant.vector", "true"))) {
            return false;
        }
        try {
            if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
                return false;
            }
            // self-test on odd sizes (tails in every direction) against the scalar loop
            SplittableRandom rnd = new SplittableRandom(7);
            int rows = 7;
            int k = 53;
            int m = 5;
            int[] x = new int[rows * k];
            int[] w = new int[m * k];
            for (int i = 0; i < x.length; i++) {
                x[i] = rnd.nextInt(-128, 128);
            }
            for (int i = 0; i < w.length; i++) {
                w[i] = rnd.nextInt(-127, 128);
            }
            int[] a = new int[rows * m];
            int[] b = new int[rows * m];
            scalar(x, rows, k, w, m, a);
            VectorGemm.gemm(x, rows, k, w, m, b);
            return java.util.Arrays.equals(a, b);
        } catch (Throwable t) { // NoClassDefFoundError when the package is not wired (OSGi) or absent
            return false;
        }
    }
}
