package org.haca.backend.quant.internal.qprog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class GemmTest {

    @Test
    void kernelMatchesScalarOnAllTileShapes() {
        System.out.println("Gemm kernel: " + (Gemm.vectorized() ? "Vector API" : "scalar"));
        assertEquals(!"false".equals(System.getProperty("haca.quant.vector"))
                && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(), Gemm.vectorized());
        SplittableRandom rnd = new SplittableRandom(3);
        for (int t = 0; t < 300; t++) {
            int rows = rnd.nextInt(0, 11);
            int k = rnd.nextInt(0, 80);
            int m = rnd.nextInt(0, 7);
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
            Gemm.scalar(x, rows, k, w, m, a);
            Gemm.gemm(x, rows, k, w, m, b);
            assertArrayEquals(a, b, rows + "x" + k + "x" + m);
            if (Gemm.vectorized()) {
                int[] c = new int[rows * m];
                VectorGemm.gemm(x, rows, k, w, m, c);
                assertArrayEquals(a, c);
            }
        }
    }

    @Test
    void largeProductsSplitAcrossThreadsGiveTheSameResult() {
        SplittableRandom rnd = new SplittableRandom(4);
        for (int rows : new int[] {9, 64, 67}) {
            int k = 784;
            int m = 130;
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
            Gemm.scalar(x, rows, k, w, m, a);
            for (int threads : new int[] {1, 2, 3, 8}) {
                java.util.Arrays.fill(b, 0);
                Gemm.gemm(x, rows, k, w, m, b, threads);
                assertArrayEquals(a, b, "rows " + rows + " threads " + threads);
            }
        }
    }

    @Test
    void tapsByPositionsMatchesScalar() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int t = 0; t < 200; t++) {
            int m = rnd.nextInt(0, 10);
            int k = rnd.nextInt(0, 40);
            int n = rnd.nextInt(0, 70);
            int[] w = new int[m * k];
            int[] b = new int[k * n];
            int[] init = rnd.nextBoolean() ? null : new int[m];
            for (int i = 0; i < w.length; i++) {
                w[i] = rnd.nextInt(-127, 128);
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = rnd.nextInt(-128, 128);
            }
            if (init != null) {
                for (int i = 0; i < m; i++) {
                    init[i] = rnd.nextInt(-100000, 100000);
                }
            }
            int[] ref = new int[m * n];
            for (int j = 0; j < m; j++) {
                for (int p = 0; p < n; p++) {
                    int s = init == null ? 0 : init[j];
                    for (int q = 0; q < k; q++) {
                        s += w[j * k + q] * b[q * n + p];
                    }
                    ref[j * n + p] = s;
                }
            }
            int[] x = new int[m * n];
            int[] y = new int[m * n];
            Gemm.scalarTapsByPositions(w, m, k, b, n, init, x);
            Gemm.gemmTapsByPositions(w, m, k, b, n, init, y);
            assertArrayEquals(ref, x);
            assertArrayEquals(ref, y);
        }
    }
}
