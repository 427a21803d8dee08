package org.haca.inference.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.haca.api.inference.InferenceException;
import org.haca.api.inference.InferenceException.Kind;
import org.haca.api.model.DType;
import org.haca.api.model.ModelDescriptor;
import org.haca.api.model.Tensor;
import org.haca.api.model.TensorSpec;

/**
 * Checks a request's tensors against the model's declared inputs before any backend sees them, so every backend
 * (including third-party plugins) gets only well-formed input and callers get the same messages whichever runs.
 */
final class InputValidator {

    private InputValidator() {
    }

    static void validate(ModelDescriptor model, Map<String, Tensor> inputs, long maxElements)
            throws InferenceException {
        Set<String> declared = new TreeSet<>();
        model.inputs().forEach(s -> declared.add(s.name()));
        for (TensorSpec spec : model.inputs()) {
            Tensor t = inputs.get(spec.name());
            if (t == null) {
                throw bad("missing input '" + spec.name() + "'; model " + model.id() + " needs " + declared);
            }
            check(spec, t, maxElements);
        }
        for (String name : inputs.keySet()) {
            if (!declared.contains(name)) {
                throw bad("unknown input '" + name + "'; model " + model.id() + " takes " + declared);
            }
        }
    }

    private static void check(TensorSpec spec, Tensor t, long maxElements) throws InferenceException {
        if (t.dtype() != spec.dtype()) {
            throw bad("input '" + spec.name() + "' must be " + spec.dtype() + ", got " + t.dtype());
        }
        long[] shape = t.shape();
        if (!spec.accepts(shape) || Arrays.stream(shape).anyMatch(d -> d <= 0)) {
            throw bad("input '" + spec.name() + "' has shape " + Arrays.toString(shape) + "; the model expects "
                    + describe(spec.shape()));
        }
        if (t.elementCount() > maxElements) {
            throw bad("input '" + spec.name() + "' has " + t.elementCount() + " elements; this node accepts at most "
                    + maxElements);
        }
        if (t.dtype() == DType.FLOAT32) {
            float[] v = t.floats();
            for (int k = 0; k < v.length; k++) {
                if (!Float.isFinite(v[k])) {
                    throw bad("input '" + spec.name() + "' element " + k + " is " + v[k]
                            + "; only finite numbers are allowed");
                }
            }
        }
    }

    /** [N, 784] style, with ? for dynamic dimensions. */
    static String describe(List<Long> shape) {
        StringBuilder b = new StringBuilder("[");
        for (int k = 0; k < shape.size(); k++) {
            b.append(k == 0 ? "" : ", ").append(shape.get(k) < 0 ? "?" : shape.get(k).toString());
        }
        return b.append(']').toString();
    }

    private static InferenceException bad(String message) {
        return new InferenceException(Kind.BAD_INPUT, message);
    }
}
