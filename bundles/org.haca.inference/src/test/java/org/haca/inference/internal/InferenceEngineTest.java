package org.haca.inference.internal;

import static org.haca.inference.internal.Fakes.MODEL_ID;
import static org.haca.inference.internal.Fakes.service;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.haca.api.inference.InferenceException;
import org.haca.api.inference.InferenceException.Kind;
import org.haca.api.inference.InferenceMode;
import org.haca.api.inference.InferenceRequest;
import org.haca.api.inference.InferenceResult;
import org.haca.api.model.CanonicalHash;
import org.haca.api.model.Tensor;
import org.haca.api.proof.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InferenceEngineTest {
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC);

    private InferenceEngine engine;
    private Fakes.Registry registry;
    private Fakes.RowSumBackend ort;
    private Fakes.RowSumBackend quant;

    @BeforeEach
    void setUp() {
        engine = new InferenceEngine();
        engine.configure("haca-test", 1000, 1000, CLOCK);
        registry = new Fakes.Registry();
        engine.registry = registry;
        ort = new Fakes.RowSumBackend("onnxruntime", false, 1f);
        quant = new Fakes.RowSumBackend("quant", true, 1f);
        engine.backends = new CopyOnWriteArrayList<>(List.of(service(quant, 0, 1), service(ort, 0, 2)));
        engine.proofSystems = new CopyOnWriteArrayList<>();
    }

    private static Map<String, Tensor> x(int rows) {
        float[] v = new float[rows * 3];
        for (int k = 0; k < v.length; k++) {
            v[k] = k * 0.5f;
        }
        return Map.of("x", Tensor.ofFloats(new long[] {rows, 3}, v));
    }

    private InferenceResult infer(InferenceMode mode, String backend, Map<String, Tensor> in, String nonce)
            throws InferenceException {
        return engine.infer(new InferenceRequest(MODEL_ID, mode, backend, in, nonce));
    }

    @Test
    void vanillaRunsOnOnnxRuntimeWithCanonicalHashesAndNoProof() throws Exception {
        Map<String, Tensor> in = x(2);
        InferenceResult r = infer(InferenceMode.VANILLA, null, in, null);
        assertEquals("onnxruntime", r.backend());
        assertEquals(List.of(MODEL_ID), ort.calls);
        assertArrayEquals(new float[] {1.5f, 6f}, r.outputs().get("y").floats());
        assertEquals(MODEL_ID, r.modelHash());
        assertEquals(CanonicalHash.ofTensors(in), r.inputHash());
        assertEquals(CanonicalHash.ofTensors(r.outputs()), r.outputHash());
        assertNull(r.proof());
        assertNull(r.txHash(), "no chain yet");
        assertNotEquals(r.requestId(), infer(InferenceMode.VANILLA, null, in, null).requestId());
    }

    @Test
    void backendHintIsHonouredAndUnknownHintIsNotFound() throws Exception {
        assertEquals("quant", infer(InferenceMode.VANILLA, "quant", x(1), null).backend());
        InferenceException e = assertThrows(InferenceException.class,
                () -> infer(InferenceMode.VANILLA, "cuda", x(1), null));
        assertEquals(Kind.NOT_FOUND, e.kind());
        assertTrue(e.getMessage().contains("[onnxruntime, quant]"), e.getMessage());
    }

    @Test
    void highestRankingWinsAmongBackendsWithTheSameId() throws Exception {
        Fakes.RowSumBackend newer = new Fakes.RowSumBackend("onnxruntime", false, 2f);
        engine.backends.add(service(newer, 10, 3));
        InferenceResult r = infer(InferenceMode.VANILLA, null, x(1), null);
        assertArrayEquals(new float[] {3f}, r.outputs().get("y").floats());
        assertTrue(ort.calls.isEmpty());
    }

    @Test
    void aBackendStoppedBetweenSelectionAndCallIsRetriedOnceOnItsSuccessor() throws Exception {
        // a hot swap: the higher-ranked build was picked, then unregistered (SCR unbinds before @Deactivate) and
        // refuses the call while it drains; the request must land on what is registered now, not fail
        Fakes.RowSumBackend leaving = new Fakes.RowSumBackend("onnxruntime", false, 2f);
        engine.backends.add(service(leaving, 10, 3));
        leaving.onCall = () -> engine.backends.removeIf(e -> e.getValue() == leaving);
        leaving.refuseWith = new InferenceException(Kind.UNAVAILABLE, "the backend is stopping");
        InferenceResult r = infer(InferenceMode.VANILLA, "onnxruntime", x(1), null);
        assertArrayEquals(new float[] {1.5f}, r.outputs().get("y").floats());
        assertEquals(1, leaving.calls.size());
        assertEquals(1, ort.calls.size());
    }

    @Test
    void anUnavailableBackendThatIsStillTheChoiceIsNotRetried() {
        ort.refuseWith = new InferenceException(Kind.UNAVAILABLE, "warming up");
        InferenceException e = assertThrows(InferenceException.class,
                () -> infer(InferenceMode.VANILLA, null, x(1), null));
        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertEquals(1, ort.calls.size(), "no retry on the same backend");
    }

    @Test
    void aPinnedBackendWithoutSuccessorReportsTheRefusal() {
        quant.onCall = () -> engine.backends.removeIf(e -> e.getValue() == quant);
        quant.refuseWith = new InferenceException(Kind.UNAVAILABLE, "the quant backend is stopping");
        InferenceException e = assertThrows(InferenceException.class,
                () -> infer(InferenceMode.VANILLA, "quant", x(1), null));
        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertEquals("the quant backend is stopping", e.getMessage());
    }

    @Test
    void aSecondRefusalIsReportedNotRetriedAgain() {
        Fakes.RowSumBackend leaving = new Fakes.RowSumBackend("onnxruntime", false, 2f);
        engine.backends.add(service(leaving, 10, 3));
        leaving.onCall = () -> engine.backends.removeIf(e -> e.getValue() == leaving);
        leaving.refuseWith = new InferenceException(Kind.UNAVAILABLE, "stopping");
        ort.refuseWith = new InferenceException(Kind.UNAVAILABLE, "stopping too");
        InferenceException e = assertThrows(InferenceException.class,
                () -> infer(InferenceMode.VANILLA, null, x(1), null));
        assertEquals("stopping too", e.getMessage());
        assertEquals(1, ort.calls.size());
    }

    @Test
    void withoutOnnxRuntimeVanillaFallsBackAndWithoutAnyBackendIsUnavailable() throws Exception {
        engine.backends.removeIf(e -> e.getValue() == ort);
        assertEquals("quant", infer(InferenceMode.VANILLA, null, x(1), null).backend());
        engine.backends.clear();
        assertEquals(Kind.UNAVAILABLE,
                assertThrows(InferenceException.class, () -> infer(InferenceMode.VANILLA, null, x(1), null)).kind());
    }

    @Test
    void teeAndZkmlWithoutProofSystemAreUnsupportedAndDoNotRunTheModel() {
        for (InferenceMode mode : List.of(InferenceMode.TEE, InferenceMode.ZKML)) {
            InferenceException e = assertThrows(InferenceException.class, () -> infer(mode, null, x(1), null));
            assertEquals(Kind.UNSUPPORTED, e.kind());
            assertTrue(e.getMessage().contains(mode.name()), e.getMessage());
        }
        assertTrue(ort.calls.isEmpty() && quant.calls.isEmpty(), "no inference is paid for when it cannot be proven");
    }

    @Test
    void teeUsesTheProverAndBindsTheResultHashesAndNonce() throws Exception {
        Fakes.Prover sim = new Fakes.Prover("tee.simulated.v1", true);
        Fakes.Prover nitroVerifierOnly = new Fakes.Prover("tee.nitro.v1", false);
        engine.proofSystems.add(service(sim, 0, 5));
        engine.proofSystems.add(service(nitroVerifierOnly, 0, 6));
        InferenceResult r = infer(InferenceMode.TEE, null, x(3), "00ff");
        assertEquals("onnxruntime", r.backend());
        assertEquals("tee.simulated.v1", r.proof().scheme());
        Statement s = sim.lastStatement;
        assertEquals(new Statement("haca-test", MODEL_ID, r.inputHash(), r.outputHash(), "00ff", CLOCK.millis()), s);
        assertArrayEquals(Fakes.MODEL_BYTES, sim.lastRequest.model());
        // a verifier can rebuild the statement from the result: hashes in the result, the rest in the proof
        assertEquals("haca-test", r.proof().attributes().get("statement.networkId"));
        assertEquals("00ff", r.proof().attributes().get("statement.nonce"));
        assertEquals(Long.toString(CLOCK.millis()), r.proof().attributes().get("statement.timestampMillis"));
        assertEquals("tee.simulated.v1", r.proof().attributes().get("by"), "the prover's attributes are kept");

        Fakes.Prover nitro = new Fakes.Prover("tee.nitro.v1", true);
        engine.proofSystems.add(service(nitro, 0, 7));
        assertEquals("tee.nitro.v1", infer(InferenceMode.TEE, null, x(1), null).proof().scheme(),
                "real hardware is preferred over the simulator");
    }

    @Test
    void zkmlRunsOnTheDeterministicBackendAndRefusesAFloatHint() throws Exception {
        engine.proofSystems.add(service(new Fakes.Prover("zk.groth16.bn254.v1", true), 0, 8));
        InferenceResult r = infer(InferenceMode.ZKML, null, x(1), null);
        assertEquals("quant", r.backend());
        assertEquals("zk.groth16.bn254.v1", r.proof().scheme());
        assertEquals(Kind.BAD_INPUT, assertThrows(InferenceException.class,
                () -> infer(InferenceMode.ZKML, "onnxruntime", x(1), null)).kind());
        engine.backends.removeIf(e -> e.getValue() == quant);
        assertEquals(Kind.UNSUPPORTED,
                assertThrows(InferenceException.class, () -> infer(InferenceMode.ZKML, null, x(1), null)).kind());
    }

    @Test
    void badInputIsRejectedBeforeAnyBackendRuns() {
        List<Map<String, Tensor>> bad = new ArrayList<>();
        bad.add(Map.of());
        bad.add(Map.of("x", Tensor.ofFloats(new long[] {1, 3}, 1, 2, 3), "z", Tensor.ofFloats(new long[] {1}, 1)));
        bad.add(Map.of("x", Tensor.ofLongs(new long[] {1, 3}, 1, 2, 3)));
        bad.add(Map.of("x", Tensor.ofFloats(new long[] {1, 4}, 1, 2, 3, 4)));
        bad.add(Map.of("x", Tensor.ofFloats(new long[] {3}, 1, 2, 3)));
        bad.add(Map.of("x", Tensor.ofFloats(new long[] {0, 3})));
        bad.add(Map.of("x", Tensor.ofFloats(new long[] {1, 3}, 1, Float.NaN, 3)));
        bad.add(Map.of("x", Tensor.ofFloats(new long[] {1, 3}, 1, 2, Float.POSITIVE_INFINITY)));
        bad.add(Map.of("x", Tensor.ofFloats(new long[] {400, 3}, new float[1200])));
        for (Map<String, Tensor> in : bad) {
            InferenceException e = assertThrows(InferenceException.class,
                    () -> infer(InferenceMode.VANILLA, null, in, null), in.toString());
            assertEquals(Kind.BAD_INPUT, e.kind(), e.getMessage());
        }
        assertTrue(ort.calls.isEmpty());
    }

    @Test
    void unknownModelIsNotFoundAndMalformedNonceIsBadInput() {
        InferenceException e = assertThrows(InferenceException.class, () -> engine.infer(
                new InferenceRequest("ab".repeat(32), InferenceMode.VANILLA, null, x(1), null)));
        assertEquals(Kind.NOT_FOUND, e.kind());
        for (String nonce : List.of("", "xyz", "ABCD", "abc", "a".repeat(130))) {
            assertEquals(Kind.BAD_INPUT, assertThrows(InferenceException.class,
                    () -> infer(InferenceMode.VANILLA, null, x(1), nonce)).kind(), nonce);
        }
    }

    @Test
    void corruptedModelIsNeverExecutedAndIsAnInternalError() {
        registry.corrupt = true;
        InferenceException e = assertThrows(InferenceException.class,
                () -> infer(InferenceMode.VANILLA, null, x(1), null));
        assertEquals(Kind.INTERNAL, e.kind());
        assertTrue(e.getMessage().contains("hash mismatch"));
    }

    @Test
    void backendCrashBecomesAnInternalErrorWithoutLeakingTheStack() {
        ort.failWith = new IllegalStateException("boom");
        InferenceException e = assertThrows(InferenceException.class,
                () -> infer(InferenceMode.VANILLA, null, x(1), null));
        assertEquals(Kind.INTERNAL, e.kind());
        assertTrue(e.getMessage().contains("onnxruntime"));
    }

    @Test
    void chainSeamGetsTheResultAndStatement() throws Exception {
        List<Statement> submitted = new ArrayList<>();
        engine.setSubmitter((result, statement) -> {
            submitted.add(statement);
            return "tx-" + result.outputHash().substring(0, 8);
        });
        InferenceResult r = infer(InferenceMode.VANILLA, null, x(1), null);
        assertEquals("tx-" + r.outputHash().substring(0, 8), r.txHash());
        assertEquals(r.inputHash(), submitted.get(0).inputHash());
        assertEquals(64, submitted.get(0).nonce().length(), "node-chosen nonce is 32 random bytes");
    }

    @Test
    void stoppedEngineIsUnavailable() throws Exception {
        engine.deactivate();
        assertEquals(Kind.UNAVAILABLE,
                assertThrows(InferenceException.class, () -> infer(InferenceMode.VANILLA, null, x(1), null)).kind());
    }

    @Test
    void metricsCountRequestsByModelModeBackendAndOutcomeAndTimeProofs() throws Exception {
        Fakes.Prover sim = new Fakes.Prover("tee.simulated.v1", true);
        engine.proofSystems.add(service(sim, 0, 5));
        infer(InferenceMode.VANILLA, null, x(1), null);
        infer(InferenceMode.VANILLA, null, x(2), null);
        infer(InferenceMode.TEE, null, x(1), null);
        assertThrows(InferenceException.class, () -> infer(InferenceMode.VANILLA, null, x(1), "XYZ"));
        assertThrows(InferenceException.class, () -> engine.infer(
                new InferenceRequest("no-such-model", InferenceMode.VANILLA, null, x(1), null)));

        InferenceMetrics m = engine.metrics();
        assertEquals(2, m.requests(new InferenceMetrics.Key(MODEL_ID, "VANILLA", "onnxruntime", "ok")));
        assertEquals(1, m.requests(new InferenceMetrics.Key(MODEL_ID, "TEE", "onnxruntime", "ok")));
        // the nonce is checked before the model is looked up; an unknown id is not used as a label
        assertEquals(1, m.requests(new InferenceMetrics.Key("unknown", "VANILLA", "none", "bad_input")));
        assertEquals(1, m.requests(new InferenceMetrics.Key("unknown", "VANILLA", "none", "not_found")));

        Map<String, Double> counters = new java.util.HashMap<>();
        Map<String, Long> histogramCounts = new java.util.HashMap<>();
        engine.collect(new org.haca.api.metrics.MetricsSink() {
            @Override
            public void counter(String name, String help, Map<String, String> labels, double value) {
                counters.merge(name + labels.get("outcome"), value, Double::sum);
            }

            @Override
            public void gauge(String name, String help, Map<String, String> labels, double value) {
            }

            @Override
            public void histogram(String name, String help, Map<String, String> labels,
                    org.haca.api.metrics.LatencyHistogram.Snapshot snapshot) {
                histogramCounts.merge(name, snapshot.count(), Long::sum);
            }
        });
        assertEquals(3.0, counters.get("haca_inference_requests_totalok"));
        assertEquals(5L, histogramCounts.get("haca_inference_seconds"));
        assertEquals(1L, histogramCounts.get("haca_proof_generation_seconds"), "one TEE proof was made");
    }
}
