package org.haca.backend.quant.internal.ir;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A float model as the quantizer sees it: an ONNX-like graph reduced to what this backend needs. Nodes are in
 * topological order (as ONNX requires); tensors are referred to by name.
 *
 * @param inputs graph inputs that are not initializers, in model order
 * @param outputs graph outputs in model order
 * @param initializers constant tensors by name (weights, biases, shape tensors)
 * @param nodes the operators, topologically sorted
 */
public record Graph(List<ValueInfo> inputs, List<ValueInfo> outputs, Map<String, ConstTensor> initializers,
        List<Node> nodes) {
    public Graph {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        initializers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(initializers));
        nodes = List.copyOf(nodes);
    }

    /**
     * A declared graph input or output.
     *
     * @param shape dimensions; {@code -1} marks a dynamic dimension (for example the batch)
     * @param floatType whether the declared element type is FLOAT (the only type this backend accepts on inputs)
     */
    public record ValueInfo(String name, long[] shape, boolean floatType) {
        public ValueInfo {
            Objects.requireNonNull(name, "name");
            shape = shape.clone();
        }

        @Override
        public long[] shape() {
            return shape.clone();
        }
    }
}
