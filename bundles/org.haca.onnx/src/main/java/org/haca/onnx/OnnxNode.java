package org.haca.onnx;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One operator call. Optional inputs that a model leaves out are empty strings, as in ONNX.
 */
public record OnnxNode(String name, String opType, String domain, List<String> inputs, List<String> outputs,
        Map<String, OnnxAttribute> attributes) {
    public OnnxNode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(opType, "opType");
        Objects.requireNonNull(domain, "domain");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    public OnnxAttribute attribute(String name) {
        return attributes.get(name);
    }

    public long intAttr(String name, long defaultValue) {
        OnnxAttribute a = attributes.get(name);
        return a == null ? defaultValue : a.i();
    }

    public float floatAttr(String name, float defaultValue) {
        OnnxAttribute a = attributes.get(name);
        return a == null ? defaultValue : a.f();
    }

    public String stringAttr(String name, String defaultValue) {
        OnnxAttribute a = attributes.get(name);
        return a == null ? defaultValue : a.s();
    }

    /** An INTS attribute, or {@code defaultValue} (may be null) when absent. */
    public long[] intsAttr(String name, long[] defaultValue) {
        OnnxAttribute a = attributes.get(name);
        return a == null ? defaultValue : a.ints();
    }

    /** The n-th input name, or "" when the node has fewer inputs (an omitted optional input). */
    public String input(int n) {
        return n < inputs.size() ? inputs.get(n) : "";
    }
}
