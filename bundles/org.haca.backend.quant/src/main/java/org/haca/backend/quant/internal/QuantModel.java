package org.haca.backend.quant.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.haca.api.inference.InferenceException;
import org.haca.api.inference.InferenceException.Kind;
import org.haca.api.model.DType;
import org.haca.api.model.Tensor;
import org.haca.backend.quant.internal.qprog.QExecutor;
import org.haca.backend.quant.internal.qprog.QMath;
import org.haca.backend.quant.internal.qprog.QProgram;
import org.haca.backend.quant.internal.qprog.QProgramCodec;
import org.haca.backend.quant.internal.qprog.QTensor;
import org.haca.backend.quant.internal.quantize.OnnxImport;

/**
 * A loaded model: its quantized program, the executor, and the float ↔ int8 boundary (input validation, input
 * quantization, output dequantization). Immutable and thread-safe.
 */
public final class QuantModel {
    private static final java.lang.invoke.VarHandle F32 = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            float[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private final QProgram program;
    private final QExecutor executor;
    private final String programHash;

    public QuantModel(QProgram program) {
        this(program, 1);
    }

    /** @param threads threads one large matrix product may use; results do not depend on it */
    public QuantModel(QProgram program, int threads) {
        this.program = program;
        this.executor = new QExecutor(program, threads);
        this.programHash = QProgramCodec.hash(program);
    }

    /** Parses, quantizes and prepares ONNX bytes. */
    public static QuantModel load(byte[] onnx) throws InferenceException {
        return new QuantModel(OnnxImport.quantize(onnx));
    }

    public static QuantModel load(byte[] onnx, int threads) throws InferenceException {
        return new QuantModel(OnnxImport.quantize(onnx), threads);
    }

    public QProgram program() {
        return program;
    }

    /** SHA-256 (hex) of the program's canonical encoding: the commitment to the quantized model. */
    public String programHash() {
        return programHash;
    }

    /** Float inputs → float outputs (dequantized int8 results, {@code q · 2^-e}), same names as the float model. */
    public Map<String, Tensor> infer(Map<String, Tensor> inputs, long maxElements) throws InferenceException {
        Map<String, QTensor> raw = inferRaw(inputs, maxElements);
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, QTensor> e : raw.entrySet()) {
            out.put(e.getKey(), dequantize(e.getValue()));
        }
        return out;
    }

    /** Float inputs → the raw int8 outputs with their exponents (what the ZKML circuit computes). */
    public Map<String, QTensor> inferRaw(Map<String, Tensor> inputs, long maxElements) throws InferenceException {
        Map<String, QTensor> q = quantizeInputs(inputs, maxElements);
        try {
            return executor.run(q);
        } catch (IllegalArgumentException e) {
            throw new InferenceException(Kind.BAD_INPUT, "input shapes do not fit the model: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new InferenceException(Kind.INTERNAL, "quant executor failed: " + e, e);
        }
    }

    /**
     * Validates and quantizes float inputs: {@code clamp(floor(x · 2^e + 1/2), -128, 127)} per element.
     *
     * @throws InferenceException BAD_INPUT naming the input for a missing or unknown input, a dtype other than
     *         FLOAT32, a shape that does not fit the declaration, a NaN or infinite element, or a tensor over the size limit
     */
    public Map<String, QTensor> quantizeInputs(Map<String, Tensor> inputs, long maxElements) throws InferenceException {
        for (String name : inputs.keySet()) {
            if (program.inputs().stream().noneMatch(i -> i.name().equals(name))) {
                throw bad("unknown input '" + name + "'; the model's inputs are "
                        + program.inputs().stream().map(QProgram.Input::name).toList());
            }
        }
        Map<String, QTensor> q = new LinkedHashMap<>();
        for (QProgram.Input in : program.inputs()) {
            Tensor t = inputs.get(in.name());
            if (t == null) {
                throw bad("missing input '" + in.name() + "'");
            }
            if (t.dtype() != DType.FLOAT32) {
                throw bad("input '" + in.name() + "' must be FLOAT32, got " + t.dtype());
            }
            long[] shape = t.shape();
            long[] want = in.shape();
            boolean fits = shape.length == want.length;
            for (int i = 0; fits && i < shape.length; i++) {
                fits = want[i] < 0 || want[i] == shape[i];
            }
            if (!fits) {
                throw bad("input '" + in.name() + "' has shape " + Arrays.toString(shape) + ", the model expects "
                        + Arrays.toString(want).replace("-1", "?"));
            }
            if (t.elementCount() > maxElements) {
                throw bad("input '" + in.name() + "' has " + t.elementCount() + " elements, more than the limit " + maxElements);
            }
            byte[] raw = t.bytes(); // little-endian float32; read with a byte-array view (no FloatBuffer copy)
            int count = raw.length / 4;
            byte[] d = new byte[count];
            int e = in.exponent();
            double pow2 = Math.scalb(1.0, e);
            for (int i = 0; i < count; i++) {
                float v = (float) F32.get(raw, i * 4);
                double x = v * pow2; // exact: multiplication by a power of two
                if (x >= -256 && x <= 256) { // fast path, same result as QMath.quantizeInput (tested)
                    double fl = Math.floor(x);
                    int r = (int) fl + (x - fl >= 0.5 ? 1 : 0);
                    d[i] = (byte) (r < -128 ? -128 : (r > 127 ? 127 : r));
                } else if (Float.isFinite(v)) {
                    d[i] = QMath.quantizeInput(v, e, pow2);
                } else {
                    throw bad("input '" + in.name() + "' contains " + v + " at index " + i);
                }
            }
            int[] s = new int[shape.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = (int) shape[i];
            }
            q.put(in.name(), new QTensor(s, d, e));
        }
        return q;
    }

    /** The float value of an int8 activation, q · 2^-e (exact); the ZKML verifier rebuilds outputs with it. */
    public static Tensor dequantize(QTensor t) {
        byte[] d = t.data();
        float[] f = new float[d.length];
        float scale = Math.scalb(1f, -t.exponent()); // exact power of two: q · 2^-e is exact in float
        for (int i = 0; i < d.length; i++) {
            f[i] = d[i] * scale;
        }
        int[] s = t.shape();
        long[] shape = new long[s.length];
        for (int i = 0; i < s.length; i++) {
            shape[i] = s[i];
        }
        return Tensor.ofFloats(shape, f);
    }

    /** An int8 tensor as an API tensor (dtype INT8). */
    public static Tensor toInt8Tensor(QTensor t) {
        int[] s = t.shape();
        long[] shape = new long[s.length];
        for (int i = 0; i < s.length; i++) {
            shape[i] = s[i];
        }
        return Tensor.ofInt8(shape, t.data());
    }

    private static InferenceException bad(String msg) {
        return new InferenceException(Kind.BAD_INPUT, msg);
    }
}
