package org.haca.onnx;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A node attribute. Only the value matching {@link #type()} is meaningful; the others hold defaults. Graph-valued
 * attributes (If/Loop bodies) are kept as type GRAPH without their body: executors of this project reject such ops.
 */
public record OnnxAttribute(String name, Type type, float f, long i, byte[] bytes, OnnxTensor t, float[] floats,
        long[] ints) {

    /** ONNX {@code AttributeProto.AttributeType} codes. */
    public enum Type {
        UNDEFINED(0), FLOAT(1), INT(2), STRING(3), TENSOR(4), GRAPH(5), FLOATS(6), INTS(7), STRINGS(8), TENSORS(9),
        GRAPHS(10), SPARSE_TENSOR(11), SPARSE_TENSORS(12), TYPE_PROTO(13), TYPE_PROTOS(14);

        final int code;

        Type(int code) {
            this.code = code;
        }

        static Type of(long code) {
            for (Type t : values()) {
                if (t.code == code) {
                    return t;
                }
            }
            return UNDEFINED;
        }
    }

    public OnnxAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        bytes = bytes == null ? new byte[0] : bytes;
        floats = floats == null ? new float[0] : floats;
        ints = ints == null ? new long[0] : ints;
    }

    public static OnnxAttribute ofInt(String name, long value) {
        return new OnnxAttribute(name, Type.INT, 0, value, null, null, null, null);
    }

    public static OnnxAttribute ofFloat(String name, float value) {
        return new OnnxAttribute(name, Type.FLOAT, value, 0, null, null, null, null);
    }

    public static OnnxAttribute ofInts(String name, long... values) {
        return new OnnxAttribute(name, Type.INTS, 0, 0, null, null, null, values.clone());
    }

    public static OnnxAttribute ofString(String name, String value) {
        return new OnnxAttribute(name, Type.STRING, 0, 0, value.getBytes(StandardCharsets.UTF_8), null, null, null);
    }

    public String s() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
