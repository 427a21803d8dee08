package org.haca.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * An initializer or constant: ONNX data type code, dims and the elements. Stored internally as little-endian bytes in
 * row-major order whatever the file used ({@code raw_data} or the typed {@code float_data}/{@code int64_data}/...
 * fields), so callers read it one way.
 */
public final class OnnxTensor {
    public static final int FLOAT = 1;
    public static final int UINT8 = 2;
    public static final int INT8 = 3;
    public static final int INT32 = 6;
    public static final int INT64 = 7;
    public static final int DOUBLE = 11;

    private final String name;
    private final int dataType;
    private final long[] dims;
    private final byte[] data;

    OnnxTensor(String name, int dataType, long[] dims, byte[] littleEndianData) {
        this.name = Objects.requireNonNull(name, "name");
        this.dataType = dataType;
        this.dims = dims.clone();
        this.data = littleEndianData;
    }

    public static OnnxTensor ofFloats(String name, long[] dims, float... values) {
        check(dims, values.length);
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return new OnnxTensor(name, FLOAT, dims, b.array());
    }

    public static OnnxTensor ofLongs(String name, long[] dims, long... values) {
        check(dims, values.length);
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(values);
        return new OnnxTensor(name, INT64, dims, b.array());
    }

    public String name() {
        return name;
    }

    public int dataType() {
        return dataType;
    }

    public long[] dims() {
        return dims.clone();
    }

    public long elementCount() {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        return n;
    }

    /** Elements as floats; FLOAT and DOUBLE only. */
    public float[] floats() {
        ByteBuffer b = view();
        if (dataType == FLOAT) {
            float[] out = new float[data.length / 4];
            b.asFloatBuffer().get(out);
            return out;
        }
        if (dataType == DOUBLE) {
            float[] out = new float[data.length / 8];
            for (int k = 0; k < out.length; k++) {
                out[k] = (float) b.getDouble(k * 8);
            }
            return out;
        }
        throw new IllegalStateException("tensor " + name + " has data type " + dataType + ", not float");
    }

    /** Elements widened to long; integer types only. */
    public long[] longs() {
        ByteBuffer b = view();
        int size = elementSize(dataType);
        long[] out = new long[data.length / Math.max(size, 1)];
        for (int k = 0; k < out.length; k++) {
            out[k] = switch (dataType) {
                case INT64 -> b.getLong(k * 8);
                case INT32 -> b.getInt(k * 4);
                case INT8 -> b.get(k);
                case UINT8 -> b.get(k) & 0xff;
                default -> throw new IllegalStateException("tensor " + name + " has data type " + dataType
                        + ", not an integer type");
            };
        }
        return out;
    }

    /** The little-endian element bytes (a copy). */
    public byte[] rawData() {
        return data.clone();
    }

    /** Bytes per element for the types this reader decodes, 0 for others. */
    static int elementSize(int dataType) {
        return switch (dataType) {
            case FLOAT, INT32 -> 4;
            case INT64, DOUBLE -> 8;
            case INT8, UINT8 -> 1;
            default -> 0;
        };
    }

    private ByteBuffer view() {
        return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void check(long[] dims, int count) {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        if (n != count) {
            throw new IllegalArgumentException("dims " + Arrays.toString(dims) + " hold " + n + " elements, got "
                    + count);
        }
    }

    @Override
    public String toString() {
        return "OnnxTensor[" + name + " type " + dataType + " " + Arrays.toString(dims) + "]";
    }
}
