package org.haca.api.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable n-dimensional array: element type, shape and the elements as little-endian bytes in row-major order.
 *
 * <p>The byte form is the single source of truth: it is what {@link CanonicalHash} hashes, so two tensors are equal
 * exactly when their hashes are equal. Factories and accessors copy, so a tensor can be shared between threads.
 */
public final class Tensor {
    private final DType dtype;
    private final long[] shape;
    private final byte[] data;

    private Tensor(DType dtype, long[] shape, byte[] data) {
        this.dtype = Objects.requireNonNull(dtype, "dtype");
        this.shape = shape.clone();
        long count = elementCount(this.shape);
        if (count * dtype.byteSize() != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + count + " elements of "
                    + dtype + " but " + data.length / dtype.byteSize() + " were given");
        }
        this.data = data;
    }

    /** A tensor from raw little-endian bytes; the array is copied. */
    public static Tensor ofBytes(DType dtype, long[] shape, byte[] littleEndianData) {
        return new Tensor(dtype, shape, littleEndianData.clone());
    }

    public static Tensor ofFloats(long[] shape, float... values) {
        ByteBuffer b = buffer(values.length * 4L);
        b.asFloatBuffer().put(values);
        return new Tensor(DType.FLOAT32, shape, b.array());
    }

    public static Tensor ofInts(long[] shape, int... values) {
        ByteBuffer b = buffer(values.length * 4L);
        b.asIntBuffer().put(values);
        return new Tensor(DType.INT32, shape, b.array());
    }

    public static Tensor ofLongs(long[] shape, long... values) {
        ByteBuffer b = buffer(values.length * 8L);
        b.asLongBuffer().put(values);
        return new Tensor(DType.INT64, shape, b.array());
    }

    public static Tensor ofInt8(long[] shape, byte... values) {
        return new Tensor(DType.INT8, shape, values.clone());
    }

    public DType dtype() {
        return dtype;
    }

    public long[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public long elementCount() {
        return elementCount(shape);
    }

    /** The little-endian element bytes (a copy). */
    public byte[] bytes() {
        return data.clone();
    }

    public float[] floats() {
        requireType(DType.FLOAT32);
        float[] out = new float[data.length / 4];
        view().asFloatBuffer().get(out);
        return out;
    }

    public int[] ints() {
        requireType(DType.INT32);
        int[] out = new int[data.length / 4];
        view().asIntBuffer().get(out);
        return out;
    }

    public long[] longs() {
        requireType(DType.INT64);
        long[] out = new long[data.length / 8];
        view().asLongBuffer().get(out);
        return out;
    }

    public byte[] int8s() {
        requireType(DType.INT8);
        return data.clone();
    }

    /** Product of the dimensions; rejects negative dimensions and overflow. */
    public static long elementCount(long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    private void requireType(DType expected) {
        if (dtype != expected) {
            throw new IllegalStateException("tensor is " + dtype + ", not " + expected);
        }
    }

    private ByteBuffer view() {
        return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static ByteBuffer buffer(long size) {
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("tensor too large: " + size + " bytes");
        }
        return ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && dtype == t.dtype && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dtype.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Tensor[" + dtype + " " + Arrays.toString(shape) + "]";
    }
}
