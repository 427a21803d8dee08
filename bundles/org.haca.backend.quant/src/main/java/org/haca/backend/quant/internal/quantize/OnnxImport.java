package org.haca.backend.quant.internal.quantize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.haca.api.inference.InferenceException;
import org.haca.backend.quant.internal.ir.ConstTensor;
import org.haca.backend.quant.internal.ir.Graph;
import org.haca.backend.quant.internal.ir.Node;
import org.haca.onnx.OnnxAttribute;
import org.haca.onnx.OnnxFormatException;
import org.haca.onnx.OnnxGraph;
import org.haca.onnx.OnnxModel;
import org.haca.onnx.OnnxNode;
import org.haca.onnx.OnnxReader;
import org.haca.onnx.OnnxTensor;
import org.haca.onnx.OnnxValueInfo;

/** ONNX model bytes → the backend's float {@link Graph} (via the project's ONNX reader, embedded privately). */
public final class OnnxImport {
    private OnnxImport() {
    }

    /** Parses and quantizes in one step: the path every caller (backend, ZKML compiler) should use. */
    public static org.haca.backend.quant.internal.qprog.QProgram quantize(byte[] onnx) throws InferenceException {
        return Quantizer.quantize(read(onnx));
    }

    public static Graph read(byte[] onnx) throws InferenceException {
        OnnxModel model;
        try {
            model = OnnxReader.read(onnx);
        } catch (OnnxFormatException e) {
            throw new InferenceException(InferenceException.Kind.BAD_INPUT, "not a readable ONNX model: " + e.getMessage(), e);
        }
        return convert(model.graph());
    }

    public static Graph convert(OnnxGraph g) throws InferenceException {
        List<Graph.ValueInfo> inputs = new ArrayList<>();
        for (OnnxValueInfo v : g.inputs()) {
            inputs.add(valueInfo(v));
        }
        List<Graph.ValueInfo> outputs = new ArrayList<>();
        for (OnnxValueInfo v : g.outputs()) {
            outputs.add(valueInfo(v));
        }
        Map<String, ConstTensor> inits = new LinkedHashMap<>();
        for (Map.Entry<String, OnnxTensor> e : g.initializers().entrySet()) {
            inits.put(e.getKey(), constant(e.getValue()));
        }
        List<Node> nodes = new ArrayList<>();
        for (OnnxNode n : g.nodes()) {
            String op = n.opType();
            if (!n.domain().isEmpty() && !n.domain().equals("ai.onnx")) {
                throw unsupported("operator " + n.domain() + "." + op + " (node '" + n.name() + "') is not supported by the quant backend");
            }
            if (!Quantizer.SUPPORTED.contains(op)) {
                throw unsupported("operator " + op + " (node '" + n.name() + "') is not supported by the quant backend; supported: "
                        + new java.util.TreeSet<>(Quantizer.SUPPORTED));
            }
            Map<String, Object> attrs = new LinkedHashMap<>();
            for (OnnxAttribute a : n.attributes().values()) {
                Object v = switch (a.type()) {
                    case INT -> a.i();
                    case FLOAT -> a.f();
                    case STRING -> a.s();
                    case INTS -> a.ints();
                    case FLOATS -> a.floats();
                    case TENSOR -> a.t() == null ? null : constant(a.t());
                    default -> null;
                };
                if (v != null) {
                    attrs.put(a.name(), v);
                }
            }
            nodes.add(new Node(op, n.name(), n.inputs(), n.outputs(), attrs));
        }
        return new Graph(inputs, outputs, inits, nodes);
    }

    private static Graph.ValueInfo valueInfo(OnnxValueInfo v) throws InferenceException {
        if (!v.hasShape()) {
            throw unsupported("tensor " + v.name() + " has no declared shape");
        }
        long[] s = new long[v.shape().size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = v.shape().get(i) == null ? -1 : v.shape().get(i);
        }
        return new Graph.ValueInfo(v.name(), s, v.elemType() == OnnxTensor.FLOAT);
    }

    private static ConstTensor constant(OnnxTensor t) throws InferenceException {
        try {
            return switch (t.dataType()) {
                case OnnxTensor.FLOAT, OnnxTensor.DOUBLE -> ConstTensor.ofFloats(t.dims(), t.floats());
                case OnnxTensor.INT64, OnnxTensor.INT32, OnnxTensor.INT8, OnnxTensor.UINT8 -> ConstTensor.ofLongs(t.dims(), t.longs());
                default -> throw unsupported("constant " + t.name() + " has ONNX data type " + t.dataType()
                        + ", which the quant backend does not read");
            };
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InferenceException(InferenceException.Kind.BAD_INPUT, "constant " + t.name() + ": " + e.getMessage(), e);
        }
    }

    private static InferenceException unsupported(String msg) {
        return new InferenceException(InferenceException.Kind.UNSUPPORTED, msg);
    }
}
