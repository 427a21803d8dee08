package org.haca.backend.quant.internal.qprog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Each op against integer results computed by hand (see the comments). */
class OpsTest {

    static QTensor t(int[] shape, int exp, int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return new QTensor(shape, b, exp);
    }

    static int[] ints(QTensor q) {
        int[] r = new int[q.data().length];
        for (int i = 0; i < r.length; i++) {
            r[i] = q.data()[i];
        }
        return r;
    }

    /** Runs a one-op program: input x (exponent ex) → op → y (exponent ey). */
    static QTensor run1(QOp op, QTensor x, int ey) {
        Map<String, Integer> exps = new LinkedHashMap<>();
        exps.put("x", x.exponent());
        exps.put(op.output(), ey);
        QProgram p = new QProgram(List.of(new QProgram.Input("x", new long[x.shape().length], x.exponent())),
                List.of(new QProgram.Output("y", op.output(), ey)), exps, List.of(op));
        return new QExecutor(p).run(Map.of("x", x)).get("y");
    }

    static byte[] b(int... v) {
        byte[] r = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = (byte) v[i];
        }
        return r;
    }

    @Test
    void linear() {
        // W = [[1,0,-1],[2,2,2]], bias = [10,-3]
        // row0 x=[1,2,3]:   acc = [1-3+10, 2+4+6-3]    = [8, 9]   >>1 half-up -> [4, 5]
        // row1 x=[-4,5,-6]: acc = [-4+6+10, -8+10-12-3] = [12,-13] >>1 half-up -> [6, -6]
        QOp.Linear l = new QOp.Linear("x", "y", 2, 3, b(1, 0, -1, 2, 2, 2), 0, new int[] {10, -3}, 1, false);
        QTensor y = run1(l, t(new int[] {2, 3}, 0, 1, 2, 3, -4, 5, -6), -1);
        assertArrayEquals(new int[] {2, 2}, y.shape());
        assertArrayEquals(new int[] {4, 5, 6, -6}, ints(y));
        QOp.Linear relu = new QOp.Linear("x", "y", 2, 3, b(1, 0, -1, 2, 2, 2), 0, new int[] {10, -3}, 1, true);
        assertArrayEquals(new int[] {4, 5, 6, 0}, ints(run1(relu, t(new int[] {2, 3}, 0, 1, 2, 3, -4, 5, -6), -1)));
        // rank 3 input [2,1,3]: same rows, shape [2,1,2]
        QTensor y3 = run1(l, t(new int[] {2, 1, 3}, 0, 1, 2, 3, -4, 5, -6), -1);
        assertArrayEquals(new int[] {2, 1, 2}, y3.shape());
        assertArrayEquals(new int[] {4, 5, 6, -6}, ints(y3));
        // saturation: 127·127·3 >> 0 clamps to 127
        QOp.Linear big = new QOp.Linear("x", "y", 1, 3, b(127, 127, 127), 0, null, 0, false);
        assertArrayEquals(new int[] {127, -128}, ints(run1(big, t(new int[] {2, 3}, 0, 127, 127, 127, -128, -128, -128), 0)));
        assertThrows(IllegalArgumentException.class, () -> run1(l, t(new int[] {1, 4}, 0, 1, 2, 3, 4), -1));
    }

    @Test
    void conv() {
        // x = 1..9 (3x3), W = [[1,0],[0,-1]], bias 2: x[i][j] - x[i+1][j+1] + 2 = -4 + 2 = -2 everywhere
        QOp.Conv c = new QOp.Conv("x", "y", 1, 1, 2, 2, b(1, 0, 0, -1), 0, new int[] {2}, new int[4], new int[] {1, 1},
                new int[] {1, 1}, 0, false);
        QTensor x = t(new int[] {1, 1, 3, 3}, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        QTensor y = run1(c, x, 0);
        assertArrayEquals(new int[] {1, 1, 2, 2}, y.shape());
        assertArrayEquals(new int[] {-2, -2, -2, -2}, ints(y));
        // pads 1, stride 2: windows at (-1,-1), (-1,1), (1,-1), (1,1):
        // (0,0): -x[0][0] + 2 = 1; (0,1): -x[0][2] + 2 = -1; (1,0): -x[2][0] + 2 = -5; (1,1): x[1][1] - x[2][2] + 2 = -2
        QOp.Conv cp = new QOp.Conv("x", "y", 1, 1, 2, 2, b(1, 0, 0, -1), 0, new int[] {2}, new int[] {1, 1, 1, 1},
                new int[] {2, 2}, new int[] {1, 1}, 0, false);
        assertArrayEquals(new int[] {1, -1, -5, -2}, ints(run1(cp, x, 0)));
        // two output channels, two input channels, batch 2, shift 1 and fused ReLU
        // channel weights: m0 = sum of the two 1x1 inputs, m1 = c0 - c1
        QOp.Conv c2 = new QOp.Conv("x", "y", 2, 2, 1, 1, b(1, 1, 1, -1), 0, null, new int[4], new int[] {1, 1},
                new int[] {1, 1}, 1, true);
        QTensor x2 = t(new int[] {2, 2, 1, 2}, 0, 3, -5, 1, 2, /* n1 */ 10, 0, 20, -1);
        // n0: m0 = [4, -3] -> [2, -1] -> relu [2, 0]; m1 = [2, -7] -> [1, -3] -> relu [1, 0]
        // n1: m0 = [30, -1] -> [15, 0]; m1 = [-10, 1] -> [-5, 1] -> relu [0, 1]
        assertArrayEquals(new int[] {2, 0, 1, 0, 15, 0, 0, 1}, ints(run1(c2, x2, -1)));
        // dilation 2 on 3x3 with a 2x2 kernel = corners: x[0][0] - x[2][2] + 2 = 1 - 9 + 2 = -6
        QOp.Conv cd = new QOp.Conv("x", "y", 1, 1, 2, 2, b(1, 0, 0, -1), 0, new int[] {2}, new int[4], new int[] {1, 1},
                new int[] {2, 2}, 0, false);
        assertArrayEquals(new int[] {-6}, ints(run1(cd, x, 0)));
    }

    static final int[] X44 = {1, -2, 3, 4, 5, 6, -7, 8, 9, 10, 11, -12, -13, 14, 15, 16};

    @Test
    void maxPool() {
        QTensor x = t(new int[] {1, 1, 4, 4}, 3, X44);
        QTensor y = run1(new QOp.MaxPool("x", "y", 2, 2, new int[4], new int[] {2, 2}), x, 3);
        assertArrayEquals(new int[] {6, 8, 14, 16}, ints(y));
        assertEquals(3, y.exponent());
        // pads 1: padding is ignored, not zero (-13 survives in the bottom-left window)
        QTensor yp = run1(new QOp.MaxPool("x", "y", 2, 2, new int[] {1, 1, 1, 1}, new int[] {2, 2}), x, 3);
        assertArrayEquals(new int[] {1, 3, 4, 9, 11, 8, -13, 15, 16}, ints(yp));
    }

    @Test
    void avgPool() {
        QTensor x = t(new int[] {1, 1, 4, 4}, 0, X44);
        // sums 10, 8, 20, 30 over 4: 2.5 -> 3, 2 -> 2, 5 -> 5, 7.5 -> 8
        assertArrayEquals(new int[] {3, 2, 5, 8},
                ints(run1(new QOp.AvgPool("x", "y", 2, 2, new int[4], new int[] {2, 2}, false), x, 0)));
        // pads 1: corner window holds only x[0][0] = 1: count_include_pad=0 -> 1, =1 -> 1/4 = 0.25 -> 0
        QTensor ex = run1(new QOp.AvgPool("x", "y", 2, 2, new int[] {1, 1, 1, 1}, new int[] {2, 2}, false), x, 0);
        QTensor in = run1(new QOp.AvgPool("x", "y", 2, 2, new int[] {1, 1, 1, 1}, new int[] {2, 2}, true), x, 0);
        assertEquals(1, ex.data()[0]);
        assertEquals(0, in.data()[0]);
        // bottom-left window: x[3][0] = -13 alone: -13 (exclude) and -13/4 = -3.25 -> -3 (include)
        assertEquals(-13, ex.data()[6]);
        assertEquals(-3, in.data()[6]);
        assertEquals(-2, QExecutor.roundDiv(-10, 4)); // -2.5 -> -2
        assertEquals(-3, QExecutor.roundDiv(-11, 4)); // -2.75 -> -3
        assertEquals(3, QExecutor.roundDiv(10, 4)); // 2.5 -> 3
    }

    @Test
    void reluReshapeFlatten() {
        QTensor x = t(new int[] {2, 3}, 5, -1, 2, -128, 127, 0, -7);
        QTensor r = run1(new QOp.Relu("x", "y"), x, 5);
        assertArrayEquals(new int[] {0, 2, 0, 127, 0, 0}, ints(r));
        QTensor s = run1(new QOp.Reshape("x", "y", new long[] {3, -1}), x, 5);
        assertArrayEquals(new int[] {3, 2}, s.shape());
        assertArrayEquals(ints(x), ints(s));
        QTensor s0 = run1(new QOp.Reshape("x", "y", new long[] {0, 3, 1}), x, 5);
        assertArrayEquals(new int[] {2, 3, 1}, s0.shape());
        QTensor f = run1(new QOp.Flatten("x", "y", 0), x, 5);
        assertArrayEquals(new int[] {1, 6}, f.shape());
        assertArrayEquals(new int[] {2, 12}, QExecutor.flatten(new int[] {2, 3, 4}, 1, "t"));
        assertThrows(IllegalArgumentException.class, () -> run1(new QOp.Reshape("x", "y", new long[] {4, -1}), x, 5));
    }

    @Test
    void addTwoActivationsAlignsExponents() {
        // a (exp 1) = [3, -5], b (exp 0) = [2] broadcast; common exp 1: acc = [3 + 4, -5 + 4] = [7, -1]
        // to exp 0 (shift 1): (7+1)>>1 = 4, (-1+1)>>1 = 0
        Map<String, Integer> exps = Map.of("a", 1, "b", 0, "y", 0);
        QProgram p = new QProgram(
                List.of(new QProgram.Input("a", new long[] {2}, 1), new QProgram.Input("b", new long[] {1}, 0)),
                List.of(new QProgram.Output("y", "y", 0)), exps, List.of(new QOp.Add("a", "b", "y", 0, 1, 1, false)));
        QTensor y = new QExecutor(p).run(Map.of("a", t(new int[] {2}, 1, 3, -5), "b", t(new int[] {1}, 0, 2))).get("y");
        assertArrayEquals(new int[] {4, 0}, ints(y));
    }

    @Test
    void addConstBroadcastsOverRows() {
        // x (exp 2) = [[1,2,3],[4,5,6]] + c = [10,-20,30] at exp 2, then >>2 half-up:
        // [11,-18,33,14,-15,36] -> [3,-4,8,4,-4,9]
        QOp.AddConst a = new QOp.AddConst("x", "y", new int[] {3}, new int[] {10, -20, 30}, 2, false);
        assertArrayEquals(new int[] {3, -4, 8, 4, -4, 9}, ints(run1(a, t(new int[] {2, 3}, 2, 1, 2, 3, 4, 5, 6), 0)));
    }
}
