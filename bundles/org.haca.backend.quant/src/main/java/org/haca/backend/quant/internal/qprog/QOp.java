package org.haca.backend.quant.internal.qprog;

import java.util.Arrays;
import java.util.List;

/**
 * One integer operation of a {@link QProgram}. Activations are int8 tensors in row-major order, each with a
 * power-of-two exponent e (real value = q · 2^-e) recorded in {@link QProgram#exponents()}. Accumulators are int32;
 * {@code shift} is the requantization shift t of {@link QMath#requant}; {@code relu} fuses a ReLU into the clamp
 * (lower bound 0 instead of -128).
 */
public sealed interface QOp {

    /** Names of the activation tensors read. */
    List<String> inputs();

    /** Name of the activation tensor written. */
    String output();

    /**
     * Fully connected layer over the last dimension: X[..., K] → Y[..., M];
     * {@code acc = bias[m] + Σ_k X[.., k] · W[m][k]}, {@code Y = requant(acc, shift, relu ? 0 : -128)}.
     * From Gemm (alpha, beta and transB folded into W and bias) and MatMul (+ Add of a constant bias).
     *
     * @param weight int8 W, shape [M][K] row-major, values in [-127, 127]
     * @param weightExp exponent of W; the accumulator has exponent inExp + weightExp, so shift = inExp + weightExp - outExp
     * @param bias int32 at the accumulator exponent, length M, or null
     */
    record Linear(String input, String output, int m, int k, byte[] weight, int weightExp, int[] bias, int shift,
            boolean relu) implements QOp {
        public Linear {
            if (weight.length != m * k || (bias != null && bias.length != m)) {
                throw new IllegalArgumentException("Linear " + output + ": weight/bias sizes do not match M=" + m + " K=" + k);
            }
        }

        @Override
        public List<String> inputs() {
            return List.of(input);
        }
    }

    /**
     * 2-D convolution, group 1: X[N][C][H][W] → Y[N][M][OH][OW] with zero padding (q = 0 is real 0),
     * {@code OH = (H + padTop + padBottom - dilH·(KH-1) - 1) / strideH + 1};
     * {@code acc = bias[m] + Σ_{c,i,j} X[n][c][oh·sH - padT + i·dH][ow·sW - padL + j·dW] · W[m][c][i][j]},
     * {@code Y = requant(acc, shift, relu ? 0 : -128)}.
     *
     * @param weight int8 W, shape [M][C][KH][KW] row-major
     * @param pads top, left, bottom, right
     * @param strides strideH, strideW
     * @param dilations dilH, dilW
     */
    record Conv(String input, String output, int m, int c, int kh, int kw, byte[] weight, int weightExp, int[] bias,
            int[] pads, int[] strides, int[] dilations, int shift, boolean relu) implements QOp {
        public Conv {
            if (weight.length != m * c * kh * kw || (bias != null && bias.length != m) || pads.length != 4
                    || strides.length != 2 || dilations.length != 2) {
                throw new IllegalArgumentException("Conv " + output + ": inconsistent parameters");
            }
        }

        @Override
        public List<String> inputs() {
            return List.of(input);
        }
    }

    /**
     * Max pooling over [KH][KW] windows of X[N][C][H][W]; padded positions are ignored; exponent unchanged. A window
     * that holds only padding yields -128.
     */
    record MaxPool(String input, String output, int kh, int kw, int[] pads, int[] strides) implements QOp {
        @Override
        public List<String> inputs() {
            return List.of(input);
        }
    }

    /**
     * Average pooling: {@code Y = floorDiv(2·sum + cnt, 2·cnt)} (the mean rounded half up), where sum is the int32 sum
     * of the window's in-bounds values and cnt is KH·KW when {@code countIncludePad}, else the number of in-bounds
     * positions; exponent unchanged.
     */
    record AvgPool(String input, String output, int kh, int kw, int[] pads, int[] strides, boolean countIncludePad)
            implements QOp {
        @Override
        public List<String> inputs() {
            return List.of(input);
        }
    }

    /** {@code Y = max(0, X)}; exponent unchanged. */
    record Relu(String input, String output) implements QOp {
        @Override
        public List<String> inputs() {
            return List.of(input);
        }
    }

    /**
     * Sum of two activations with numpy broadcasting:
     * {@code acc = (A << shiftA) + (B << shiftB)} at exponent max(eA, eB), {@code Y = requant(acc, shift, relu ? 0 : -128)}.
     */
    record Add(String a, String b, String output, int shiftA, int shiftB, int shift, boolean relu) implements QOp {
        @Override
        public List<String> inputs() {
            return List.of(a, b);
        }
    }

    /**
     * Sum of an activation and a constant with numpy broadcasting: the constant is int32 at the input's exponent,
     * {@code acc = X + C}, {@code Y = requant(acc, shift, relu ? 0 : -128)}.
     */
    record AddConst(String input, String output, int[] constShape, int[] constant, int shift, boolean relu)
            implements QOp {
        @Override
        public List<String> inputs() {
            return List.of(input);
        }
    }

    /**
     * ONNX Reshape with a constant target shape (0 copies the input dimension, -1 is inferred); data unchanged.
     */
    record Reshape(String input, String output, long[] shape) implements QOp {
        @Override
        public List<String> inputs() {
            return List.of(input);
        }

        @Override
        public String toString() {
            return "Reshape[" + input + " -> " + output + " " + Arrays.toString(shape) + "]";
        }
    }

    /** ONNX Flatten: [d0..d(axis-1)] × [d(axis)..] → 2-D; data unchanged. */
    record Flatten(String input, String output, int axis) implements QOp {
        @Override
        public List<String> inputs() {
            return List.of(input);
        }
    }
}
