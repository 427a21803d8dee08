package org.haca.backend.quant.internal.qprog;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A quantized model: the exact integer computation the backend executes and the ZKML compiler proves. Immutable by
 * convention (arrays inside ops are never written after construction). Its canonical byte form is
 * {@link QProgramCodec#encode}; its commitment is {@link QProgramCodec#hash}.
 *
 * @param inputs the float inputs and how each is quantized ({@link QMath#quantizeInput} with the input's exponent)
 * @param outputs the outputs, dequantized as {@code q · 2^-e} for float callers
 * @param exponents the exponent of every activation tensor (inputs, intermediates, outputs)
 * @param ops the operations in execution order
 */
public record QProgram(List<Input> inputs, List<Output> outputs, Map<String, Integer> exponents, List<QOp> ops) {

    /** Scheme identifier: int8 symmetric power-of-two quantization, version 1. */
    public static final String SCHEME = "haca-int8-pow2/v1";

    public QProgram {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        exponents = Collections.unmodifiableMap(new TreeMap<>(exponents));
        ops = List.copyOf(ops);
    }

    /**
     * A float input: declared shape ({@code -1} = dynamic) and exponent e; the executor receives
     * {@code clamp(floor(x · 2^e + 1/2), -128, 127)}.
     */
    public record Input(String name, long[] shape, int exponent) {
        public Input {
            Objects.requireNonNull(name, "name");
            shape = shape.clone();
        }

        @Override
        public long[] shape() {
            return shape.clone();
        }
    }

    /** A model output: its name, the program tensor that holds it (usually the same name) and its exponent. */
    public record Output(String name, String tensor, int exponent) {
    }

    public int exponent(String tensor) {
        Integer e = exponents.get(tensor);
        if (e == null) {
            throw new IllegalArgumentException("no exponent for tensor " + tensor);
        }
        return e;
    }
}
