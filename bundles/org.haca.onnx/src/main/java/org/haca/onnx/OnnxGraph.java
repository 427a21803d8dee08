package org.haca.onnx;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A decoded {@code GraphProto}. {@link #inputs()} are the real graph inputs: names that are also initializers (old
 * exporters list weights as inputs too) are removed, so callers see only what a user must feed.
 */
public record OnnxGraph(String name, List<OnnxNode> nodes, Map<String, OnnxTensor> initializers,
        List<OnnxValueInfo> inputs, List<OnnxValueInfo> outputs) {
    public OnnxGraph {
        Objects.requireNonNull(name, "name");
        nodes = List.copyOf(nodes);
        // keep file order: generators and hashes of derived artefacts depend on it
        initializers = Collections.unmodifiableMap(new LinkedHashMap<>(initializers));
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    public OnnxTensor initializer(String name) {
        return initializers.get(name);
    }
}
