package org.haca.backend.quant.internal.qprog;

/**
 * The integer primitives of the quantization scheme. Every rounding in the backend goes through these few functions,
 * so their definitions are the scheme (see {@code docs/quantization.md}).
 */
public final class QMath {
    public static final int INT8_MIN = -128;
    public static final int INT8_MAX = 127;
    /** Largest |x·w| of one int8 × int8 product with weights in [-127, 127]: 128 · 127. */
    public static final long MAX_PRODUCT = 128L * 127L;

    private QMath() {
    }

    /**
     * Round half up of a scaled float: {@code floor(v · 2^e + 1/2)}, computed exactly, saturated to
     * [-2^62, 2^62]. {@code v} must be finite and come from a float (24-bit significand), which makes every step
     * below exact in double arithmetic: scaling by a power of two is exact for {@code |e| <= 300}, {@code floor} is
     * exact, and {@code d - floor(d)} is exact whenever the comparison with 1/2 can depend on it.
     */
    public static long roundScaled(float v, int e) {
        return roundScaled(v, e, Math.scalb(1.0, e));
    }

    /** {@link #roundScaled(float, int)} with {@code pow2 = 2^e} precomputed (multiplying by a power of two is exact). */
    public static long roundScaled(float v, int e, double pow2) {
        if (!Float.isFinite(v)) {
            throw new IllegalArgumentException("not finite: " + v);
        }
        double d = v * pow2;
        if (d >= 0x1p62) {
            return 1L << 62;
        }
        if (d <= -0x1p62) {
            return -(1L << 62);
        }
        double fl = Math.floor(d);
        long r = (long) fl;
        return d - fl >= 0.5 ? r + 1 : r;
    }

    /** {@code clamp(floor(x · 2^e + 1/2), -128, 127)}: the quantization of a float input with exponent e. */
    public static byte quantizeInput(float v, int e) {
        return (byte) clamp(roundScaled(v, e), INT8_MIN, INT8_MAX);
    }

    /** {@link #quantizeInput(float, int)} with {@code pow2 = 2^e} precomputed. */
    public static byte quantizeInput(float v, int e, double pow2) {
        return (byte) clamp(roundScaled(v, e, pow2), INT8_MIN, INT8_MAX);
    }

    /** {@code q · 2^-e} as a float; exact for int8 q and the exponents this scheme produces. */
    public static float dequantize(int q, int e) {
        return Math.scalb((float) q, -e);
    }

    /**
     * Power-of-two rescaling with round half up. For {@code t > 0}: {@code floor((acc + 2^(t-1)) / 2^t)}, that is
     * {@code (acc + (1 << (t-1))) >> t} with an arithmetic shift in 64-bit arithmetic (so -2.5 rounds to -2 and 2.5
     * to 3). For {@code t <= 0}: {@code acc · 2^-t}. {@code |acc| < 2^40} is assumed (accumulators are int32 or the sum
     * of two shifted int8 values); results are exact, saturated to ±2^62 for {@code t < -20}.
     */
    public static long shiftRound(long acc, int t) {
        if (t > 0) {
            if (t >= 62) {
                return 0; // |acc| < 2^40: acc + 2^(t-1) lies in [0, 2^t)
            }
            return (acc + (1L << (t - 1))) >> t;
        }
        if (t == 0) {
            return acc;
        }
        int l = -t;
        if (l > 20) {
            return acc == 0 ? 0 : (acc > 0 ? 1L << 62 : -(1L << 62));
        }
        return acc << l;
    }

    /** Requantization: {@code clamp(shiftRound(acc, t), lo, 127)}; lo is -128, or 0 when a ReLU is fused. */
    public static int requant(long acc, int t, int lo) {
        return clamp(shiftRound(acc, t), lo, INT8_MAX);
    }

    public static int clamp(long v, int lo, int hi) {
        return v < lo ? lo : (v > hi ? hi : (int) v);
    }

    /**
     * The power-of-two exponent of a tensor whose largest magnitude is {@code maxAbs}: the largest integer e with
     * {@code maxAbs · 2^e <= limit}, bounded to [-32, 32]; 0 when maxAbs is 0.
     */
    public static int exponentFor(double maxAbs, double limit) {
        if (!(maxAbs > 0)) {
            return 0;
        }
        int e = Math.getExponent(limit / maxAbs) + 1;
        while (e > -32 && Math.scalb(maxAbs, e) > limit) {
            e--;
        }
        while (e < 32 && Math.scalb(maxAbs, e + 1) <= limit) {
            e++;
        }
        return Math.max(-32, Math.min(32, e));
    }
}
