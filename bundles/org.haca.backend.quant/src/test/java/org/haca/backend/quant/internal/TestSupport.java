package org.haca.backend.quant.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.haca.api.inference.ModelSource;
import org.haca.api.model.CanonicalHash;
import org.haca.api.model.ModelDescriptor;
import org.haca.onnx.OnnxAttribute;
import org.haca.onnx.OnnxGraph;
import org.haca.onnx.OnnxModel;
import org.haca.onnx.OnnxNode;
import org.haca.onnx.OnnxTensor;
import org.haca.onnx.OnnxValueInfo;
import org.haca.onnx.OnnxWriter;

final class TestSupport {
    private TestSupport() {
    }

    static ModelSource source(byte[] onnx) {
        ModelDescriptor d = new ModelDescriptor(CanonicalHash.ofBytes(onnx), "test", onnx.length, List.of(), List.of(),
                Instant.EPOCH);
        return new ModelSource() {
            @Override
            public ModelDescriptor descriptor() {
                return d;
            }

            @Override
            public byte[] bytes() {
                return onnx.clone();
            }
        };
    }

    /** A one-node model input[N,4] → op → output, for unsupported-op tests. */
    static byte[] singleOp(String op) {
        OnnxNode n = new OnnxNode("n0", op, "", List.of("x"), List.of("y"), Map.<String, OnnxAttribute>of());
        OnnxGraph g = new OnnxGraph("g", List.of(n), Map.<String, OnnxTensor>of(),
                List.of(new OnnxValueInfo("x", OnnxTensor.FLOAT, List.of(-1L, 4L), List.of("N", ""))),
                List.of(new OnnxValueInfo("y", OnnxTensor.FLOAT, List.of(-1L, 4L), List.of("N", ""))));
        return OnnxWriter.write(new OnnxModel(OnnxWriter.IR_VERSION, "test", Map.of("", 13L), g));
    }

    static int argmax(float[] v, int off, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (v[off + i] > v[off + best]) {
                best = i;
            }
        }
        return best;
    }
}
