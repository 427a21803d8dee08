package org.haca.itests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.Map;

import org.haca.api.inference.InferenceException;
import org.haca.api.inference.InferenceMode;
import org.haca.api.inference.InferenceRequest;
import org.haca.api.inference.InferenceResult;
import org.haca.api.inference.InferenceService;
import org.haca.api.inference.ModelBackend;
import org.haca.api.model.CanonicalHash;
import org.haca.api.model.ModelDescriptor;
import org.haca.api.model.ModelRegistry;
import org.haca.api.model.Tensor;
import org.haca.onnx.testmodels.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * The inference layer inside a real Felix: the ONNX Runtime backend loads its natives from inside its bundle, the
 * registry stores a generated model, and the engine serves it end to end.
 */
@ExtendWith(ServiceExtension.class)
class InferenceFrameworkTest {

    @Test
    void onnxRuntimeBackendIsRegistered(@InjectService(filter = "(component.name=*OnnxRuntimeBackend)")
            ModelBackend backend) {
        assertEquals("onnxruntime", backend.id());
    }

    @Test
    void uploadedModelServesVanillaInferenceAndDisappearsOnDelete(@InjectService ModelRegistry registry,
            @InjectService InferenceService inference) throws Exception {
        byte[] mlp = TestModels.mlp();
        ModelDescriptor d = registry.store("itest-mlp", new ByteArrayInputStream(mlp), 16 << 20);
        assertEquals(CanonicalHash.ofBytes(mlp), d.id());

        Map<String, Tensor> in = Map.of(TestModels.INPUT,
                Tensor.ofFloats(new long[] {2, 784}, TestModels.input(3, 2 * 784)));
        InferenceResult r = inference.infer(new InferenceRequest(d.id(), InferenceMode.VANILLA, null, in, null));
        assertEquals("onnxruntime", r.backend());
        assertArrayEquals(new long[] {2, 10}, r.outputs().get(TestModels.OUTPUT).shape());
        assertEquals(CanonicalHash.ofTensors(in), r.inputHash());
        assertNull(r.proof());

        InferenceException tee = assertThrows(InferenceException.class,
                () -> inference.infer(new InferenceRequest(d.id(), InferenceMode.TEE, null, in, null)));
        assertEquals(InferenceException.Kind.UNSUPPORTED, tee.kind());

        assertTrue(registry.delete(d.id()));
        InferenceException gone = assertThrows(InferenceException.class,
                () -> inference.infer(new InferenceRequest(d.id(), InferenceMode.VANILLA, null, in, null)));
        assertEquals(InferenceException.Kind.NOT_FOUND, gone.kind());
    }
}
