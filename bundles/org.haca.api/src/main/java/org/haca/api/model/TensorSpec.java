package org.haca.api.model;

import java.util.List;
import java.util.Objects;

/**
 * Name, element type and shape of a model input or output as declared by the model. A dimension of {@code -1} is
 * dynamic (for example the batch dimension).
 */
public record TensorSpec(String name, DType dtype, List<Long> shape) {
    public TensorSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dtype, "dtype");
        shape = List.copyOf(shape);
    }

    /** Whether a concrete shape fits this spec (same rank, equal fixed dimensions). */
    public boolean accepts(long[] concrete) {
        if (concrete.length != shape.size()) {
            return false;
        }
        for (int i = 0; i < concrete.length; i++) {
            long want = shape.get(i);
            if (want >= 0 && want != concrete[i]) {
                return false;
            }
        }
        return true;
    }
}
