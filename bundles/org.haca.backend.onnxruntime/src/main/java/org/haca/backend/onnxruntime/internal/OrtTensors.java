package org.haca.backend.onnxruntime.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.haca.api.inference.InferenceException;
import org.haca.api.inference.InferenceException.Kind;
import org.haca.api.model.DType;
import org.haca.api.model.Tensor;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

/**
 * Checks request tensors against what the session declares and converts between api {@link Tensor}s and ORT tensors.
 * Everything ORT would reject, and NaN/Inf that it would silently propagate, is caught here with a message that names
 * the input, so a bad request never reaches native code.
 */
final class OrtTensors {

    private OrtTensors() {
    }

    static void validate(Map<String, NodeInfo> declared, Map<String, Tensor> inputs, long maxElements)
            throws InferenceException {
        for (String name : declared.keySet()) {
            if (!inputs.containsKey(name)) {
                throw bad("missing input '" + name + "'; the model needs " + declared.keySet());
            }
        }
        for (Map.Entry<String, Tensor> e : inputs.entrySet()) {
            NodeInfo info = declared.get(e.getKey());
            if (info == null) {
                throw bad("unknown input '" + e.getKey() + "'; the model takes " + declared.keySet());
            }
            if (!(info.getInfo() instanceof TensorInfo ti)) {
                throw new InferenceException(Kind.UNSUPPORTED, "input '" + e.getKey() + "' is not a tensor");
            }
            Tensor t = e.getValue();
            DType want = dtype(ti.type);
            if (want == null) {
                throw new InferenceException(Kind.UNSUPPORTED,
                        "input '" + e.getKey() + "' has element type " + ti.type + ", which this backend does not feed");
            }
            if (t.dtype() != want) {
                throw bad("input '" + e.getKey() + "' must be " + want + ", got " + t.dtype());
            }
            checkShape(e.getKey(), ti.getShape(), t.shape());
            if (t.elementCount() > maxElements) {
                throw bad("input '" + e.getKey() + "' has " + t.elementCount() + " elements; the limit is "
                        + maxElements);
            }
            if (t.dtype() == DType.FLOAT32) {
                checkFinite(e.getKey(), t.floats());
            }
        }
    }

    private static void checkShape(String name, long[] declared, long[] given) throws InferenceException {
        boolean ok = declared.length == given.length;
        for (int k = 0; ok && k < given.length; k++) {
            ok = given[k] > 0 && (declared[k] < 0 || declared[k] == given[k]);
        }
        if (!ok) {
            throw bad("input '" + name + "' has shape " + Arrays.toString(given) + "; the model expects "
                    + Arrays.toString(declared).replace("-1", "?"));
        }
    }

    private static void checkFinite(String name, float[] values) throws InferenceException {
        for (int k = 0; k < values.length; k++) {
            if (!Float.isFinite(values[k])) {
                throw bad("input '" + name + "' element " + k + " is " + values[k] + "; only finite numbers are allowed");
            }
        }
    }

    static OnnxTensor toOrt(OrtEnvironment env, Tensor t) throws OrtException {
        long[] shape = t.shape();
        ByteBuffer le = ByteBuffer.wrap(t.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        return switch (t.dtype()) {
            case FLOAT32 -> OnnxTensor.createTensor(env, FloatBuffer.wrap(t.floats()), shape);
            case INT32 -> OnnxTensor.createTensor(env, IntBuffer.wrap(t.ints()), shape);
            case INT64 -> OnnxTensor.createTensor(env, LongBuffer.wrap(t.longs()), shape);
            case INT8 -> OnnxTensor.createTensor(env, le, shape, OnnxJavaType.INT8);
        };
    }

    static Map<String, Tensor> fromOrt(OrtSession.Result result) throws InferenceException {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, OnnxValue> e : result) {
            if (!(e.getValue() instanceof OnnxTensor ot)) {
                throw new InferenceException(Kind.UNSUPPORTED,
                        "output '" + e.getKey() + "' is not a tensor (" + e.getValue().getType() + ")");
            }
            out.put(e.getKey(), fromOrt(e.getKey(), ot));
        }
        return out;
    }

    private static Tensor fromOrt(String name, OnnxTensor ot) throws InferenceException {
        TensorInfo info = ot.getInfo();
        long[] shape = info.getShape();
        return switch (info.type) {
            case FLOAT -> {
                FloatBuffer b = ot.getFloatBuffer();
                float[] v = new float[b.remaining()];
                b.get(v);
                yield Tensor.ofFloats(shape, v);
            }
            case INT32 -> {
                IntBuffer b = ot.getIntBuffer();
                int[] v = new int[b.remaining()];
                b.get(v);
                yield Tensor.ofInts(shape, v);
            }
            case INT64 -> {
                LongBuffer b = ot.getLongBuffer();
                long[] v = new long[b.remaining()];
                b.get(v);
                yield Tensor.ofLongs(shape, v);
            }
            case INT8 -> {
                ByteBuffer b = ot.getByteBuffer();
                byte[] v = new byte[b.remaining()];
                b.get(v);
                yield Tensor.ofInt8(shape, v);
            }
            default -> throw new InferenceException(Kind.UNSUPPORTED,
                    "output '" + name + "' has element type " + info.type + ", which this node cannot return");
        };
    }

    static DType dtype(OnnxJavaType type) {
        return switch (type) {
            case FLOAT -> DType.FLOAT32;
            case INT32 -> DType.INT32;
            case INT64 -> DType.INT64;
            case INT8 -> DType.INT8;
            default -> null;
        };
    }

    private static InferenceException bad(String message) {
        return new InferenceException(Kind.BAD_INPUT, message);
    }
}
