package org.haca.onnx;

import java.util.List;
import java.util.Objects;

/**
 * A graph input or output: name, ONNX element type ({@link OnnxTensor} type codes) and shape. A dimension is -1 when it
 * is symbolic ({@code dim_param}, for example a batch dimension "N") or unknown; {@link #dimParams()} keeps the symbol
 * ("" for fixed dimensions). {@code shape} is null when the model gives no shape at all (rank unknown).
 */
public record OnnxValueInfo(String name, int elemType, List<Long> shape, List<String> dimParams) {
    public OnnxValueInfo {
        Objects.requireNonNull(name, "name");
        shape = shape == null ? null : List.copyOf(shape);
        dimParams = dimParams == null ? List.of() : List.copyOf(dimParams);
    }

    public boolean hasShape() {
        return shape != null;
    }
}
