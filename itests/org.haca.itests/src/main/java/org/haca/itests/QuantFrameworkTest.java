package org.haca.itests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import org.haca.api.inference.InferenceException;
import org.haca.api.inference.InferenceMode;
import org.haca.api.inference.InferenceRequest;
import org.haca.api.inference.InferenceResult;
import org.haca.api.inference.InferenceService;
import org.haca.api.inference.ModelBackend;
import org.haca.api.model.ModelDescriptor;
import org.haca.api.model.ModelRegistry;
import org.haca.api.model.Tensor;
import org.haca.onnx.OnnxAttribute;
import org.haca.onnx.OnnxGraph;
import org.haca.onnx.OnnxModel;
import org.haca.onnx.OnnxNode;
import org.haca.onnx.OnnxTensor;
import org.haca.onnx.OnnxValueInfo;
import org.haca.onnx.OnnxWriter;
import org.haca.onnx.testmodels.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.test.junit5.service.ServiceExtension;
import org.osgi.test.common.annotation.InjectService;

/**
 * The deterministic integer backend inside a real Felix: the bundle resolves (its Vector API import is optional), the
 * DS component registers, and the engine serves a stored model through it with identical output hashes.
 */
@ExtendWith(ServiceExtension.class)
class QuantFrameworkTest {

    @Test
    void quantBackendIsRegisteredAndDeterministic(@InjectService(filter = "(component.name=*QuantBackend)")
            ModelBackend backend) {
        assertEquals("quant", backend.id());
        assertTrue(backend.deterministic());
    }

    @Test
    void engineServesTheIntegerBackendOnRequest(@InjectService ModelRegistry registry,
            @InjectService InferenceService inference) throws Exception {
        ModelDescriptor d = registry.store("itest-quant-cnn", new ByteArrayInputStream(TestModels.cnn()), 16 << 20);
        Map<String, Tensor> in = Map.of(TestModels.INPUT,
                Tensor.ofFloats(new long[] {3, 1, 28, 28}, TestModels.input(21, 3 * 784)));
        InferenceRequest req = new InferenceRequest(d.id(), InferenceMode.VANILLA, "quant", in, null);
        InferenceResult a = inference.infer(req);
        InferenceResult b = inference.infer(req);
        assertEquals("quant", a.backend());
        assertArrayEquals(new long[] {3, 10}, a.outputs().get(TestModels.OUTPUT).shape());
        assertEquals(a.outputHash(), b.outputHash());
        // within the documented quantization error of the float backend
        float[] f = inference.infer(new InferenceRequest(d.id(), InferenceMode.VANILLA, "onnxruntime", in, null))
                .outputs().get(TestModels.OUTPUT).floats();
        float[] q = a.outputs().get(TestModels.OUTPUT).floats();
        for (int i = 0; i < f.length; i++) {
            assertTrue(Math.abs(f[i] - q[i]) < 0.25, "logit " + i + ": " + f[i] + " vs " + q[i]);
        }
        registry.delete(d.id());
    }

    @Test
    void unsupportedOperatorIsNamed(@InjectService ModelRegistry registry, @InjectService InferenceService inference)
            throws Exception {
        OnnxNode n = new OnnxNode("n0", "Sigmoid", "", List.of("x"), List.of("y"), Map.<String, OnnxAttribute>of());
        byte[] model = OnnxWriter.write(new OnnxModel(OnnxWriter.IR_VERSION, "itest", Map.of("", 13L),
                new OnnxGraph("g", List.of(n), Map.<String, OnnxTensor>of(),
                        List.of(new OnnxValueInfo("x", OnnxTensor.FLOAT, List.of(-1L, 4L), List.of("N", ""))),
                        List.of(new OnnxValueInfo("y", OnnxTensor.FLOAT, List.of(-1L, 4L), List.of("N", ""))))));
        ModelDescriptor d = registry.store("itest-sigmoid", new ByteArrayInputStream(model), 1 << 20);
        Map<String, Tensor> in = Map.of("x", Tensor.ofFloats(new long[] {1, 4}, 0f, 0.25f, 0.5f, 1f));
        InferenceException e = assertThrows(InferenceException.class,
                () -> inference.infer(new InferenceRequest(d.id(), InferenceMode.VANILLA, "quant", in, null)));
        assertEquals(InferenceException.Kind.UNSUPPORTED, e.kind());
        assertTrue(e.getMessage().contains("Sigmoid"), e.getMessage());
        registry.delete(d.id());
    }
}
