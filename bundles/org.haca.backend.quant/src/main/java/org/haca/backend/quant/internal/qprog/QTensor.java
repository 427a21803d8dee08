package org.haca.backend.quant.internal.qprog;

import java.util.Arrays;

/** An int8 activation: row-major data, shape and power-of-two exponent (real value = q · 2^-exponent). */
public record QTensor(int[] shape, byte[] data, int exponent) {
    public QTensor {
        shape = shape.clone();
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n + " elements, got "
                    + data.length);
        }
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    int dim(int i) {
        return shape[i];
    }

    int rank() {
        return shape.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QTensor t && exponent == t.exponent && Arrays.equals(shape, t.shape)
                && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data) * 31 + Arrays.hashCode(shape) + exponent;
    }

    @Override
    public String toString() {
        return "QTensor" + Arrays.toString(shape) + "e" + exponent;
    }
}
