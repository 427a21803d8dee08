package org.haca.proof.zk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.haca.api.model.CanonicalHash;
import org.haca.api.model.Tensor;
import org.haca.api.proof.Proof;
import org.haca.api.proof.ProofException;
import org.haca.api.proof.ProofRequest;
import org.haca.api.proof.Statement;
import org.haca.api.proof.VerificationContext;
import org.haca.api.proof.Verdict;
import org.haca.backend.quant.internal.QuantModel;
import org.haca.onnx.testmodels.TestModels;
import org.haca.proof.zk.internal.snarkjs.Crosscheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The ZKML proof system end to end on a tiny MLP (8-4-3, ≈ 600 constraints): a dev setup, a proof of the integer
 * backend's result, verification bound to the statement, snarkjs verifying the same proof, tampering and the
 * production policy.
 */
class ZkProofSystemTest {
    private static final VerificationContext NOW = new VerificationContext(Instant.parse("2026-11-24T00:00:00Z"));
    private static final byte[] MODEL = TestModels.mlp(5, 8, 4, 3);
    private static final String MODEL_ID = CanonicalHash.ofBytes(MODEL);

    @TempDir
    static Path keys;

    private static ZkProofSystem dev;
    private static Map<String, Tensor> input;
    private static Map<String, Tensor> output;
    private static Statement statement;
    private static Proof proof;

    @BeforeAll
    static void proveOnce() throws Exception {
        dev = new ZkProofSystem(keys, true);
        input = Map.of(TestModels.INPUT, Tensor.ofFloats(new long[] {1, 8}, TestModels.input(3, 8)));
        output = QuantModel.load(MODEL).infer(input, 1 << 20);
        statement = new Statement("haca-dev", MODEL_ID, CanonicalHash.ofTensors(input), CanonicalHash.ofTensors(output),
                "0a0b", 1_764_000_000_000L);
        proof = dev.prove(new ProofRequest(statement, MODEL, input, output));
    }

    private static Proof withPayload(String payload) {
        return new Proof(ZkProofSystem.SCHEME, payload.getBytes(StandardCharsets.UTF_8), proof.attributes());
    }

    private static JsonObject payload() {
        return JsonParser.parseString(new String(proof.payload(), StandardCharsets.UTF_8)).getAsJsonObject();
    }

    @Test
    void aProofOfTheIntegerBackendsResultVerifiesBoundToItsStatement() {
        Verdict v = dev.verify(proof, statement, NOW);
        assertTrue(v.valid(), v.toString());
        assertEquals("all checks passed", v.reason());
        assertTrue(v.checks().stream().anyMatch(c -> c.name().equals("groth16") && c.passed()));
        assertTrue(v.checks().stream().anyMatch(c -> c.name().equals("outputs") && c.passed()));
        assertEquals("dev-insecure", proof.attributes().get("setup"));
        assertTrue(Files.exists(keys.resolve(MODEL_ID).resolve(KeyStore.DEV_MARKER)), "the dev key is labelled");
    }

    @Test
    void snarkjsVerifiesTheSameProofWithThePublishedKey() throws Exception {
        JsonObject p = payload();
        Path dir = Files.createTempDirectory("zk-snarkjs");
        Crosscheck.write(dir.resolve("verification_key.json"), new String(dev.verificationKey(MODEL_ID).orElseThrow(),
                StandardCharsets.UTF_8));
        Crosscheck.write(dir.resolve("proof.json"), p.get("proof").toString());
        Crosscheck.write(dir.resolve("public.json"), p.get("public").toString());
        Crosscheck.Result ok = Crosscheck.snarkjs("groth16", "verify", dir.resolve("verification_key.json").toString(),
                dir.resolve("public.json").toString(), dir.resolve("proof.json").toString());
        assertTrue(ok.ok() && ok.output().contains("OK"), ok.output());
        // the last public signal is the statement binding: snarkjs rejects a changed one as well
        String tampered = p.get("public").toString().replaceFirst("\"(\\d)(\\d*)\"]$", "\"9$2\"]");
        Crosscheck.write(dir.resolve("public.json"), tampered);
        Crosscheck.Result bad = Crosscheck.snarkjs("groth16", "verify", dir.resolve("verification_key.json").toString(),
                dir.resolve("public.json").toString(), dir.resolve("proof.json").toString());
        assertFalse(bad.output().contains("OK!"), bad.output());
    }

    @Test
    void anotherStatementOrTamperedSignalsAreRejected() {
        Statement otherNonce = new Statement(statement.networkId(), statement.modelHash(), statement.inputHash(),
                statement.outputHash(), "0a0c", statement.timestampMillis());
        Verdict replay = dev.verify(proof, otherNonce, NOW);
        assertFalse(replay.valid());
        assertTrue(replay.reason().contains("binding"), replay.reason());

        Statement otherOutput = new Statement(statement.networkId(), statement.modelHash(), statement.inputHash(),
                "ab".repeat(32), statement.nonce(), statement.timestampMillis());
        assertFalse(dev.verify(proof, otherOutput, NOW).valid());

        JsonObject p = payload();
        String first = p.getAsJsonArray("public").get(0).getAsString();
        p.getAsJsonArray("public").set(0, new com.google.gson.JsonPrimitive(first.equals("1") ? "2" : "1"));
        Verdict forgedOutput = dev.verify(withPayload(p.toString()), statement, NOW);
        assertFalse(forgedOutput.valid());
        assertTrue(forgedOutput.reason().toLowerCase().contains("pairing")
                || forgedOutput.reason().toLowerCase().contains("invalid"), forgedOutput.reason());

        for (String junk : new String[] {"", "{}", "[1,2]", "{\"verification_key\":1,\"proof\":2,\"public\":3}",
                "\u0000\u0001"}) {
            Verdict v = dev.verify(withPayload(junk), statement, NOW);
            assertFalse(v.valid(), junk);
        }
        Statement unknownModel = new Statement("haca-dev", "cd".repeat(32), statement.inputHash(),
                statement.outputHash(), statement.nonce(), statement.timestampMillis());
        assertTrue(dev.verify(proof, unknownModel, NOW).reason().contains("no trusted verification key"));
    }

    @Test
    void anUnboundCheckUsesTheKeyTheProofCarries() {
        Statement none = new Statement("", "", "", "", "", 0);
        Verdict v = dev.verify(proof, none, NOW);
        assertTrue(v.valid(), v.toString());
        assertTrue(v.reason().contains("not bound"), v.reason());
        JsonObject p = payload();
        p.getAsJsonObject("proof").getAsJsonArray("pi_a").set(0, new com.google.gson.JsonPrimitive("1"));
        assertFalse(dev.verify(withPayload(p.toString()), none, NOW).valid());
    }

    @Test
    void outputsThatTheIntegerBackendDidNotComputeCannotBeProved() {
        Map<String, Tensor> wrong = Map.of(TestModels.OUTPUT, Tensor.ofFloats(new long[] {1, 3}, 1f, 2f, 3f));
        Statement s = new Statement("haca-dev", MODEL_ID, statement.inputHash(), CanonicalHash.ofTensors(wrong), "01",
                1L);
        ProofException e = assertThrows(ProofException.class,
                () -> dev.prove(new ProofRequest(s, MODEL, input, wrong)));
        assertTrue(e.getMessage().contains("integer backend"), e.getMessage());
        Map<String, Tensor> batch2 = Map.of(TestModels.INPUT, Tensor.ofFloats(new long[] {2, 8}, TestModels.input(4, 16)));
        assertThrows(ProofException.class, () -> dev.prove(new ProofRequest(statement, MODEL, batch2, output)));
    }

    @Test
    void productionRefusesDevKeysAndNeedsAnImportedOne() throws Exception {
        ZkProofSystem production = new ZkProofSystem(keys, false);
        Verdict v = production.verify(proof, statement, NOW);
        assertFalse(v.valid());
        assertTrue(v.reason().contains("INSECURE dev setup"), v.reason());

        ZkProofSystem fresh = new ZkProofSystem(Files.createTempDirectory("zk-prod"), false);
        ProofException e = assertThrows(ProofException.class,
                () -> fresh.prove(new ProofRequest(statement, MODEL, input, output)));
        assertTrue(e.getMessage().contains("import a .zkey"), e.getMessage());
    }

    @Test
    void keysSurviveARestart() throws Exception {
        ZkProofSystem restarted = new ZkProofSystem(keys, true);
        assertTrue(restarted.verify(proof, statement, NOW).valid(), "old proofs verify with the stored key");
        assertEquals(new String(dev.verificationKey(MODEL_ID).orElseThrow(), StandardCharsets.UTF_8),
                new String(restarted.verificationKey(MODEL_ID).orElseThrow(), StandardCharsets.UTF_8));
    }
}
