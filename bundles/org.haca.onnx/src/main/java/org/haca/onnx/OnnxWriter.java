package org.haca.onnx;

import java.util.Map;

/**
 * Encodes an {@link OnnxModel} as ONNX protobuf bytes. Used by the test-model generator; float initializers are written
 * as {@code raw_data} and integer ones as packed {@code int64_data}, so both decoding paths of readers are exercised.
 */
public final class OnnxWriter {
    /** IR version 8 (ONNX 1.10+) is read by every ONNX Runtime in use here. */
    public static final long IR_VERSION = 8;

    private OnnxWriter() {
    }

    public static byte[] write(OnnxModel model) {
        ProtoWriter m = new ProtoWriter();
        m.varint(1, model.irVersion());
        m.string(2, model.producerName());
        m.message(7, graph(model.graph()));
        for (Map.Entry<String, Long> e : model.opsets().entrySet()) {
            m.message(8, new ProtoWriter().string(1, e.getKey()).varint(2, e.getValue()));
        }
        return m.toByteArray();
    }

    private static ProtoWriter graph(OnnxGraph g) {
        ProtoWriter w = new ProtoWriter();
        for (OnnxNode n : g.nodes()) {
            w.message(1, node(n));
        }
        w.string(2, g.name());
        for (OnnxTensor t : g.initializers().values()) {
            w.message(5, tensor(t));
        }
        for (OnnxValueInfo v : g.inputs()) {
            w.message(11, valueInfo(v));
        }
        for (OnnxValueInfo v : g.outputs()) {
            w.message(12, valueInfo(v));
        }
        return w;
    }

    private static ProtoWriter node(OnnxNode n) {
        ProtoWriter w = new ProtoWriter();
        n.inputs().forEach(s -> w.string(1, s));
        n.outputs().forEach(s -> w.string(2, s));
        w.string(3, n.name());
        w.string(4, n.opType());
        for (OnnxAttribute a : n.attributes().values()) {
            w.message(5, attribute(a));
        }
        if (!n.domain().isEmpty()) {
            w.string(7, n.domain());
        }
        return w;
    }

    private static ProtoWriter attribute(OnnxAttribute a) {
        ProtoWriter w = new ProtoWriter().string(1, a.name());
        switch (a.type()) {
            case FLOAT -> w.fixed32(2, a.f());
            case INT -> w.varint(3, a.i());
            case STRING -> w.bytes(4, a.bytes());
            case TENSOR -> w.message(5, tensor(a.t()));
            case FLOATS -> w.packedFloats(7, a.floats());
            case INTS -> w.packedInt64s(8, a.ints());
            default -> throw new IllegalArgumentException("cannot write attribute type " + a.type());
        }
        w.varint(20, a.type().code);
        return w;
    }

    private static ProtoWriter tensor(OnnxTensor t) {
        ProtoWriter w = new ProtoWriter();
        w.packedInt64s(1, t.dims());
        w.varint(2, t.dataType());
        w.string(8, t.name());
        if (t.dataType() == OnnxTensor.INT64) {
            w.packedInt64s(7, t.longs());
        } else {
            w.bytes(9, t.rawData());
        }
        return w;
    }

    private static ProtoWriter valueInfo(OnnxValueInfo v) {
        ProtoWriter shape = new ProtoWriter();
        for (int k = 0; k < v.shape().size(); k++) {
            String param = k < v.dimParams().size() ? v.dimParams().get(k) : "";
            ProtoWriter dim = new ProtoWriter();
            if (!param.isEmpty()) {
                dim.string(2, param);
            } else if (v.shape().get(k) >= 0) {
                dim.varint(1, v.shape().get(k));
            }
            shape.message(1, dim);
        }
        ProtoWriter tensorType = new ProtoWriter().varint(1, v.elemType()).message(2, shape);
        return new ProtoWriter().string(1, v.name()).message(2, new ProtoWriter().message(1, tensorType));
    }
}
