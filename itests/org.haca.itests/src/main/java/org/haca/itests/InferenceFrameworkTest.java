package org.haca.itests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * The inference layer inside a real Felix: the ONNX Runtime backend loads its natives from inside its bundle, the
 * registry stores a generated model, and the engine serves it end to end.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class InferenceFrameworkTest {

    @Test
    void onnxRuntimeBackendIsRegistered(@InjectService(filter = "(component.name=*OnnxRuntimeBackend)")
            ModelBackend backend) {
        assertEquals("onnxruntime", backend.id());
    }

    /**
     * Hot swap of the backend: a bundle update gives it a new class loader, so ONNX Runtime loads its natives a second
     * time in the same JVM. The engine must report the gap cleanly and serve again afterwards.
     */
    @Test
    void onnxRuntimeBundleCanBeUpdatedWhileTheNodeRuns(@InjectBundleContext BundleContext context,
            @InjectService ModelRegistry registry, @InjectService InferenceService inference) throws Exception {
        ModelDescriptor d = registry.store("itest-cnn", new ByteArrayInputStream(TestModels.cnn()), 16 << 20);
        Map<String, Tensor> in = Map.of(TestModels.INPUT,
                Tensor.ofFloats(new long[] {1, 1, 28, 28}, TestModels.input(4, 784)));
        InferenceRequest req = new InferenceRequest(d.id(), InferenceMode.VANILLA, "onnxruntime", in, null);
        Tensor before = inference.infer(req).outputs().get(TestModels.OUTPUT);

        Bundle ort = Arrays.stream(context.getBundles())
                .filter(b -> "org.haca.backend.onnxruntime".equals(b.getSymbolicName())).findFirst().orElseThrow();
        ort.stop();
        InferenceException none = assertThrows(InferenceException.class, () -> inference.infer(req));
        assertEquals(InferenceException.Kind.NOT_FOUND, none.kind(), none.getMessage());
        // without a hint, VANILLA falls back to the other installed backend (the integer one) meanwhile
        assertEquals("quant", inference.infer(new InferenceRequest(d.id(), InferenceMode.VANILLA, null, in, null))
                .backend());

        ort.update();
        CountDownLatch refreshed = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(ort), e -> refreshed.countDown());
        assertTrue(refreshed.await(30, TimeUnit.SECONDS));
        ort.start();
        Tensor after = null;
        long deadline = System.currentTimeMillis() + 10_000;
        while (after == null && System.currentTimeMillis() < deadline) {
            try {
                after = inference.infer(req).outputs().get(TestModels.OUTPUT);
            } catch (InferenceException e) {
                Thread.sleep(100); // the backend service re-registers asynchronously
            }
        }
        assertEquals(before, after, "the updated backend computes the same result");
        registry.delete(d.id());
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

        // with org.haca.proof.tee.simulator installed (dev node), TEE mode proves with the simulator;
        // TeeFrameworkTest verifies such a proof end to end
        InferenceResult tee = inference.infer(new InferenceRequest(d.id(), InferenceMode.TEE, null, in, null));
        assertEquals("tee.simulated.v1", tee.proof().scheme());

        assertTrue(registry.delete(d.id()));
        InferenceException gone = assertThrows(InferenceException.class,
                () -> inference.infer(new InferenceRequest(d.id(), InferenceMode.VANILLA, null, in, null)));
        assertEquals(InferenceException.Kind.NOT_FOUND, gone.kind());
    }
}
