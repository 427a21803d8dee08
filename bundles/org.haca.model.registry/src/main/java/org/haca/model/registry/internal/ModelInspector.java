package org.haca.model.registry.internal;

import java.util.ArrayList;
import java.util.List;

import org.haca.api.model.DType;
import org.haca.api.model.ModelRejectedException;
import org.haca.api.model.ModelRejectedException.Reason;
import org.haca.api.model.TensorSpec;
import org.haca.onnx.OnnxFormatException;
import org.haca.onnx.OnnxGraph;
import org.haca.onnx.OnnxReader;
import org.haca.onnx.OnnxTensor;
import org.haca.onnx.OnnxValueInfo;

/** Decides whether bytes are an ONNX model this node serves, and reads its declared inputs and outputs. */
final class ModelInspector {

    /** The declared interface of a model. */
    record Signature(List<TensorSpec> inputs, List<TensorSpec> outputs) {
    }

    private ModelInspector() {
    }

    static Signature inspect(byte[] bytes) throws ModelRejectedException {
        OnnxGraph graph;
        try {
            graph = OnnxReader.read(bytes).graph();
        } catch (OnnxFormatException e) {
            throw new ModelRejectedException(Reason.MALFORMED, "not a valid ONNX model: " + e.getMessage());
        }
        if (graph.inputs().isEmpty()) {
            throw new ModelRejectedException(Reason.UNSUPPORTED, "model has no inputs to feed");
        }
        return new Signature(specs(graph.inputs(), "input"), specs(graph.outputs(), "output"));
    }

    private static List<TensorSpec> specs(List<OnnxValueInfo> values, String what) throws ModelRejectedException {
        List<TensorSpec> out = new ArrayList<>();
        for (OnnxValueInfo v : values) {
            if (!v.hasShape()) {
                throw new ModelRejectedException(Reason.UNSUPPORTED,
                        what + " '" + v.name() + "' declares no shape; this node needs ranked tensors");
            }
            out.add(new TensorSpec(v.name(), dtype(v, what), v.shape()));
        }
        return out;
    }

    private static DType dtype(OnnxValueInfo v, String what) throws ModelRejectedException {
        return switch (v.elemType()) {
            case OnnxTensor.FLOAT -> DType.FLOAT32;
            case OnnxTensor.INT8 -> DType.INT8;
            case OnnxTensor.INT32 -> DType.INT32;
            case OnnxTensor.INT64 -> DType.INT64;
            default -> throw new ModelRejectedException(Reason.UNSUPPORTED, what + " '" + v.name()
                    + "' has ONNX element type " + v.elemType() + "; supported: float, int8, int32, int64");
        };
    }
}
