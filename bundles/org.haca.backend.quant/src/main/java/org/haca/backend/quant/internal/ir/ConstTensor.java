package org.haca.backend.quant.internal.ir;

import java.util.Arrays;

/**
 * A constant tensor of the float model: FLOAT data in {@link #floats} or integer (INT64/INT32) data in {@link #longs}.
 * Exactly one of the two arrays is non-null.
 */
public record ConstTensor(long[] shape, float[] floats, long[] longs) {
    public ConstTensor {
        shape = shape.clone();
        if ((floats == null) == (longs == null)) {
            throw new IllegalArgumentException("a constant holds either floats or integers");
        }
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        int len = floats != null ? floats.length : longs.length;
        if (n != len) {
            throw new IllegalArgumentException("constant of shape " + Arrays.toString(shape) + " has " + len + " elements");
        }
    }

    public static ConstTensor ofFloats(long[] shape, float... values) {
        return new ConstTensor(shape, values, null);
    }

    public static ConstTensor ofLongs(long[] shape, long... values) {
        return new ConstTensor(shape, null, values);
    }

    public boolean isFloat() {
        return floats != null;
    }

    public int size() {
        return floats != null ? floats.length : longs.length;
    }

    /** Elements as floats (integers converted). */
    public float[] asFloats() {
        if (floats != null) {
            return floats;
        }
        float[] f = new float[longs.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = longs[i];
        }
        return f;
    }

    /** Elements as longs; float elements must be integral. */
    public long[] asLongs() {
        if (longs != null) {
            return longs;
        }
        long[] l = new long[floats.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = (long) floats[i];
        }
        return l;
    }
}
