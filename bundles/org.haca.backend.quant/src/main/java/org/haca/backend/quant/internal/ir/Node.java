package org.haca.backend.quant.internal.ir;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One operator. An empty string in {@link #inputs} marks an omitted optional input (ONNX convention).
 *
 * @param attrs attribute values: {@code Long}, {@code Float}, {@code String}, {@code long[]}, {@code float[]} or
 *        {@link ConstTensor}
 */
public record Node(String opType, String name, List<String> inputs, List<String> outputs, Map<String, Object> attrs) {
    public Node {
        Objects.requireNonNull(opType, "opType");
        name = name == null ? "" : name;
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        attrs = Map.copyOf(attrs);
    }

    /** A readable label for messages: {@code Conv 'conv1'}. */
    public String label() {
        return name.isEmpty() ? opType + " (output '" + (outputs.isEmpty() ? "?" : outputs.get(0)) + "')"
                : opType + " '" + name + "'";
    }

    public String input(int i) {
        return i < inputs.size() ? inputs.get(i) : "";
    }

    public long attrLong(String key, long dflt) {
        Object v = attrs.get(key);
        return v instanceof Long l ? l : dflt;
    }

    public float attrFloat(String key, float dflt) {
        Object v = attrs.get(key);
        return v instanceof Float f ? f : dflt;
    }

    public String attrString(String key, String dflt) {
        Object v = attrs.get(key);
        return v instanceof String s ? s : dflt;
    }

    public long[] attrLongs(String key) {
        Object v = attrs.get(key);
        return v instanceof long[] a ? a.clone() : null;
    }
}
