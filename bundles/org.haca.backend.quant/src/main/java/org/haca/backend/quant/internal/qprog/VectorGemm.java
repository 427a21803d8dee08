package org.haca.backend.quant.internal.qprog;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API version of {@link Gemm#scalar}: 4 rows × 2 columns register tile, lanes over the reduction dimension,
 * lane sums reduced at the end of each tile. Loaded only when {@code jdk.incubator.vector} is present (see {@link Gemm}).
 */
final class VectorGemm {
    private static final VectorSpecies<Integer> S = IntVector.SPECIES_PREFERRED;

    private VectorGemm() {
    }

    static void gemm(int[] x, int rows, int k, int[] w, int m, int[] acc) {
        int lanes = S.length();
        int kb = k - k % lanes;
        int r = 0;
        for (; r + 4 <= rows; r += 4) {
            int x0 = r * k;
            int x1 = x0 + k;
            int x2 = x1 + k;
            int x3 = x2 + k;
            int j = 0;
            for (; j + 2 <= m; j += 2) {
                int w0 = j * k;
                int w1 = w0 + k;
                IntVector a00 = IntVector.zero(S);
                IntVector a01 = a00;
                IntVector a10 = a00;
                IntVector a11 = a00;
                IntVector a20 = a00;
                IntVector a21 = a00;
                IntVector a30 = a00;
                IntVector a31 = a00;
                for (int i = 0; i < kb; i += lanes) {
                    IntVector v0 = IntVector.fromArray(S, w, w0 + i);
                    IntVector v1 = IntVector.fromArray(S, w, w1 + i);
                    IntVector u = IntVector.fromArray(S, x, x0 + i);
                    a00 = u.mul(v0).add(a00);
                    a01 = u.mul(v1).add(a01);
                    u = IntVector.fromArray(S, x, x1 + i);
                    a10 = u.mul(v0).add(a10);
                    a11 = u.mul(v1).add(a11);
                    u = IntVector.fromArray(S, x, x2 + i);
                    a20 = u.mul(v0).add(a20);
                    a21 = u.mul(v1).add(a21);
                    u = IntVector.fromArray(S, x, x3 + i);
                    a30 = u.mul(v0).add(a30);
                    a31 = u.mul(v1).add(a31);
                }
                int s00 = a00.reduceLanes(VectorOperators.ADD);
                int s01 = a01.reduceLanes(VectorOperators.ADD);
                int s10 = a10.reduceLanes(VectorOperators.ADD);
                int s11 = a11.reduceLanes(VectorOperators.ADD);
                int s20 = a20.reduceLanes(VectorOperators.ADD);
                int s21 = a21.reduceLanes(VectorOperators.ADD);
                int s30 = a30.reduceLanes(VectorOperators.ADD);
                int s31 = a31.reduceLanes(VectorOperators.ADD);
                for (int i = kb; i < k; i++) {
                    int p = w[w0 + i];
                    int q = w[w1 + i];
                    s00 += x[x0 + i] * p;
                    s01 += x[x0 + i] * q;
                    s10 += x[x1 + i] * p;
                    s11 += x[x1 + i] * q;
                    s20 += x[x2 + i] * p;
                    s21 += x[x2 + i] * q;
                    s30 += x[x3 + i] * p;
                    s31 += x[x3 + i] * q;
                }
                acc[r * m + j] = s00;
                acc[r * m + j + 1] = s01;
                acc[(r + 1) * m + j] = s10;
                acc[(r + 1) * m + j + 1] = s11;
                acc[(r + 2) * m + j] = s20;
                acc[(r + 2) * m + j + 1] = s21;
                acc[(r + 3) * m + j] = s30;
                acc[(r + 3) * m + j + 1] = s31;
            }
            for (; j < m; j++) {
                for (int rr = r; rr < r + 4; rr++) {
                    acc[rr * m + j] = dot(x, rr * k, w, j * k, k, kb);
                }
            }
        }
        for (; r < rows; r++) {
            for (int j = 0; j < m; j++) {
                acc[r * m + j] = dot(x, r * k, w, j * k, k, kb);
            }
        }
    }

    private static int dot(int[] x, int xo, int[] w, int wo, int k, int kb) {
        int lanes = S.length();
        IntVector a = IntVector.zero(S);
        for (int i = 0; i < kb; i += lanes) {
            a = IntVector.fromArray(S, x, xo + i).mul(IntVector.fromArray(S, w, wo + i)).add(a);
        }
        int s = a.reduceLanes(VectorOperators.ADD);
        for (int i = kb; i < k; i++) {
            s += x[xo + i] * w[wo + i];
        }
        return s;
    }

    /** Vector version of {@link Gemm#scalarTapsByPositions}: lanes over positions, 4 output rows held in registers. */
    static void tapsByPositions(int[] w, int m, int k, int[] b, int n, int[] init, int[] out) {
        int lanes = S.length();
        int nb = n - n % lanes;
        int j = 0;
        for (; j + 4 <= m; j += 4) {
            int i0 = init == null ? 0 : init[j];
            int i1 = init == null ? 0 : init[j + 1];
            int i2 = init == null ? 0 : init[j + 2];
            int i3 = init == null ? 0 : init[j + 3];
            int w0 = j * k;
            int w1 = w0 + k;
            int w2 = w1 + k;
            int w3 = w2 + k;
            for (int p = 0; p < nb; p += lanes) {
                IntVector a0 = IntVector.broadcast(S, i0);
                IntVector a1 = IntVector.broadcast(S, i1);
                IntVector a2 = IntVector.broadcast(S, i2);
                IntVector a3 = IntVector.broadcast(S, i3);
                for (int t = 0; t < k; t++) {
                    IntVector v = IntVector.fromArray(S, b, t * n + p);
                    a0 = v.mul(w[w0 + t]).add(a0);
                    a1 = v.mul(w[w1 + t]).add(a1);
                    a2 = v.mul(w[w2 + t]).add(a2);
                    a3 = v.mul(w[w3 + t]).add(a3);
                }
                a0.intoArray(out, j * n + p);
                a1.intoArray(out, (j + 1) * n + p);
                a2.intoArray(out, (j + 2) * n + p);
                a3.intoArray(out, (j + 3) * n + p);
            }
            for (int p = nb; p < n; p++) {
                int s0 = i0;
                int s1 = i1;
                int s2 = i2;
                int s3 = i3;
                for (int t = 0; t < k; t++) {
                    int v = b[t * n + p];
                    s0 += w[w0 + t] * v;
                    s1 += w[w1 + t] * v;
                    s2 += w[w2 + t] * v;
                    s3 += w[w3 + t] * v;
                }
                out[j * n + p] = s0;
                out[(j + 1) * n + p] = s1;
                out[(j + 2) * n + p] = s2;
                out[(j + 3) * n + p] = s3;
            }
        }
        for (; j < m; j++) {
            int wo = j * k;
            for (int p = 0; p < n; p++) {
                int s = init == null ? 0 : init[j];
                for (int t = 0; t < k; t++) {
                    s += w[wo + t] * b[t * n + p];
                }
                out[j * n + p] = s;
            }
        }
    }
}
