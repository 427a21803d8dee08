package org.haca.shell.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.haca.api.model.DType;
import org.haca.api.model.Tensor;
import org.haca.api.model.TensorSpec;

/**
 * Builds the inputs for {@code haca:infer} from a short spec, because an operator cannot type 784 numbers into a
 * shell: {@code random} or {@code random:SEED} (uniform [0,1), the range the integer backend's calibration assumes),
 * {@code zeros}, {@code ones}, or comma-separated values (for small models). Dynamic dimensions become 1.
 */
final class SampleInput {

    private SampleInput() {
    }

    static Map<String, Tensor> build(List<TensorSpec> specs, String spec) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        long seed = 42;
        String kind = spec.trim();
        if (kind.startsWith("random:")) {
            try {
                seed = Long.parseLong(kind.substring("random:".length()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("random:SEED needs an integer seed, got '" + kind + "'");
            }
            kind = "random";
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (TensorSpec s : specs) {
            if (s.dtype() != DType.FLOAT32) {
                throw new IllegalArgumentException("input '" + s.name() + "' is " + s.dtype()
                        + "; haca:infer only builds FLOAT32 inputs (use POST /api/v1/infer)");
            }
            long[] shape = new long[s.shape().size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = Math.max(1, s.shape().get(i));
            }
            long n = Tensor.elementCount(shape);
            if (n > 16L * 1024 * 1024) {
                throw new IllegalArgumentException("input '" + s.name() + "' has " + n + " elements; too many for the shell");
            }
            float[] v = new float[(int) n];
            switch (kind) {
                case "random" -> {
                    for (int i = 0; i < v.length; i++) {
                        v[i] = (float) rnd.nextDouble();
                    }
                }
                case "zeros" -> {
                }
                case "ones" -> java.util.Arrays.fill(v, 1f);
                default -> v = values(kind, s.name(), v.length);
            }
            out.put(s.name(), Tensor.ofFloats(shape, v));
        }
        return out;
    }

    private static float[] values(String list, String name, int n) {
        String[] parts = list.split(",");
        if (parts.length != n) {
            throw new IllegalArgumentException("input '" + name + "' needs " + n + " values, got " + parts.length
                    + " (or use random, random:SEED, zeros, ones)");
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            try {
                v[i] = Float.parseFloat(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number: '" + parts[i].trim() + "'");
            }
        }
        return v;
    }
}
