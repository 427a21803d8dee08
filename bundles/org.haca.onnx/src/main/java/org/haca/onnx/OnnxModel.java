package org.haca.onnx;

import java.util.Map;
import java.util.Objects;

/**
 * A decoded ONNX {@code ModelProto}: only the parts an executor needs.
 *
 * @param opsets operator set versions by domain ({@code ""} is the default ONNX domain)
 */
public record OnnxModel(long irVersion, String producerName, Map<String, Long> opsets, OnnxGraph graph) {
    public OnnxModel {
        Objects.requireNonNull(producerName, "producerName");
        opsets = Map.copyOf(opsets);
        Objects.requireNonNull(graph, "graph");
    }

    /** The opset of the default ONNX domain, or 0 when the model does not declare one. */
    public long defaultOpset() {
        return opsets.getOrDefault("", opsets.getOrDefault("ai.onnx", 0L));
    }
}
