package org.haca.shell.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.haca.api.inference.InferenceException;
import org.haca.api.inference.InferenceMode;
import org.haca.api.inference.InferenceRequest;
import org.haca.api.inference.InferenceResult;
import org.haca.api.inference.InferenceService;
import org.haca.api.model.DType;
import org.haca.api.model.ModelDescriptor;
import org.haca.api.model.ModelRegistry;
import org.haca.api.model.Tensor;
import org.haca.api.model.TensorSpec;
import org.junit.jupiter.api.Test;

class InferCommandTest {
    private static final TensorSpec X = new TensorSpec("x", DType.FLOAT32, List.of(-1L, 3L));
    private static final ModelDescriptor MODEL = new ModelDescriptor("ab".repeat(32), "tiny", 10, List.of(X),
            List.of(new TensorSpec("y", DType.FLOAT32, List.of(-1L, 3L))), Instant.EPOCH);

    /** Echoes the input as the output and remembers the request. */
    private static final class EchoService implements InferenceService {
        final List<InferenceRequest> requests = new ArrayList<>();

        @Override
        public InferenceResult infer(InferenceRequest r) throws InferenceException {
            requests.add(r);
            if (r.mode() == InferenceMode.ZKML) {
                throw new InferenceException(InferenceException.Kind.UNSUPPORTED, "no ZK prover here");
            }
            return new InferenceResult("req-1", r.modelId(), r.mode(), "quant", Map.of("y", r.inputs().get("x")),
                    r.modelId(), "i", "o", null, null);
        }
    }

    private static final class OneModelRegistry implements ModelRegistry {
        @Override
        public ModelDescriptor store(String name, InputStream bytes, long maxBytes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ModelDescriptor> list() {
            return List.of(MODEL);
        }

        @Override
        public Optional<ModelDescriptor> find(String id) {
            return MODEL.id().equals(id) ? Optional.of(MODEL) : Optional.empty();
        }

        @Override
        public byte[] read(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean delete(String id) {
            return false;
        }
    }

    private static HacaCommands commands(EchoService service) {
        HacaCommands c = new HacaCommands(null);
        c.inference = service;
        c.registry = new OneModelRegistry();
        return c;
    }

    @Test
    void runsByNameWithExplicitValuesAndPrintsOutputAndArgmax() {
        EchoService service = new EchoService();
        String out = commands(service).infer("tiny", "tee", "0.5, 2, 1");
        InferenceRequest r = service.requests.get(0);
        assertEquals(MODEL.id(), r.modelId());
        assertEquals(InferenceMode.TEE, r.mode());
        assertArrayEquals(new long[] {1, 3}, r.inputs().get("x").shape(), "dynamic batch becomes 1");
        assertArrayEquals(new float[] {0.5f, 2f, 1f}, r.inputs().get("x").floats());
        assertTrue(out.contains("[1, 3] [0.5000, 2.000, 1.000] argmax 1"), out);
        assertTrue(out.contains("TEE / quant"), out);
        assertTrue(out.contains("none (no chain)"), out);
    }

    @Test
    void randomInputsAreSeededAndInRange() {
        Map<String, Tensor> a = SampleInput.build(List.of(X), "random:7");
        Map<String, Tensor> b = SampleInput.build(List.of(X), "random:7");
        Map<String, Tensor> c = SampleInput.build(List.of(X), "random:8");
        assertEquals(a, b);
        assertTrue(!a.equals(c));
        for (float v : a.get("x").floats()) {
            assertTrue(v >= 0 && v < 1, "uniform [0,1): " + v);
        }
        assertArrayEquals(new float[] {1, 1, 1}, SampleInput.build(List.of(X), "ones").get("x").floats());
    }

    @Test
    void badArgumentsAreExplainedNotThrown() {
        EchoService service = new EchoService();
        HacaCommands c = commands(service);
        assertTrue(c.infer("nope").startsWith("no model with id or name 'nope'"));
        assertTrue(c.infer("tiny", "FAST").startsWith("unknown mode 'FAST'"));
        assertTrue(c.infer("tiny", "VANILLA", "1,2").contains("needs 3 values, got 2"));
        assertTrue(c.infer("tiny", "VANILLA", "a,b,c").contains("not a number: 'a'"));
        assertTrue(c.infer("tiny", "VANILLA", "random:x").contains("integer seed"));
        assertTrue(c.infer("tiny", "ZKML").startsWith("inference failed (UNSUPPORTED): no ZK prover here"));
        assertEquals(1, service.requests.size(), "only the ZKML call reached the engine");
        assertThrows(IllegalArgumentException.class, () -> SampleInput.build(
                List.of(new TensorSpec("ids", DType.INT64, List.of(1L))), "zeros"));
    }
}
