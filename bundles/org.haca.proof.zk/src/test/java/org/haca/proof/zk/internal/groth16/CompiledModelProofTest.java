package org.haca.proof.zk.internal.groth16;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.haca.backend.quant.internal.qprog.QOp;
import org.haca.backend.quant.internal.qprog.QProgram;
import org.haca.backend.quant.internal.qprog.QTensor;
import org.haca.proof.zk.internal.circuit.CircuitCompiler;
import org.haca.proof.zk.internal.circuit.CompiledCircuit;
import org.haca.proof.zk.internal.snarkjs.Crosscheck;
import org.haca.proof.zk.internal.snarkjs.SnarkjsJson;
import org.haca.proof.zk.internal.snarkjs.ZkeyFile;
import org.junit.jupiter.api.Test;

/**
 * The whole ZKML path on a small quantized program (4 inputs → Linear 4×2 with ReLU): compile to R1CS, witness,
 * INSECURE dev setup, Java proof; the proof verifies in Java and in snarkjs and its public signals are the circuit's.
 */
class CompiledModelProofTest {

    @Test
    void quantizedProgramProvesAndVerifiesInJavaAndSnarkjs() {
        byte[] weights = {3, -2, 7, 1, -5, 4, 2, -1};
        QOp linear = new QOp.Linear("x", "y", 2, 4, weights, 0, new int[] {10, -20}, 2, true);
        QProgram program = new QProgram(List.of(new QProgram.Input("x", new long[] {1, 4}, 0)),
                List.of(new QProgram.Output("y", "y", -2)), Map.of("x", 0, "y", -2), List.of(linear));
        CompiledCircuit circuit = CircuitCompiler.compile(program);
        Map<String, QTensor> input = Map.of("x", new QTensor(new int[] {1, 4}, new byte[] {5, -7, 100, 33}, 0));
        BigInteger[] witness = circuit.witness(input, BigInteger.valueOf(12345));
        assertEquals(-1, circuit.r1cs().firstViolated(witness));

        ProvingKey pk = ProvingKey.from(DevSetup.generate(circuit.r1cs(), new SecureRandom()));
        Groth16Proof proof = new Prover().prove(pk, witness);
        assertEquals(List.of(circuit.publicSignals(witness)), proof.publicSignals());
        VerificationResult ok = Verifier.verify(pk.verifyingKey(), proof.proof(), proof.publicSignals());
        assertTrue(ok.valid(), ok.reason());

        // a different claimed output (first public signal changed) is rejected
        List<BigInteger> forged = new ArrayList<>(proof.publicSignals());
        forged.set(0, forged.get(0).add(BigInteger.ONE));
        assertFalse(Verifier.verify(pk.verifyingKey(), proof.proof(), forged).valid());

        Path dir = Crosscheck.MODULE.resolve("target/groth16-tests/model");
        Crosscheck.write(dir.resolve("vk.json"), SnarkjsJson.writeVerificationKey(VerifyingKey.toJson(
                ZkeyFile.read(ZkeyFile.write(DevSetup.generate(circuit.r1cs(), new SecureRandom()))))));
        // (the key above is a different setup: its vk must reject this proof, which also shows keys are independent)
        Crosscheck.write(dir.resolve("proof.json"), proof.proofJson());
        Crosscheck.write(dir.resolve("public.json"), proof.publicJson());
        Crosscheck.Result other = Crosscheck.snarkjs("groth16", "verify", dir.resolve("vk.json").toString(),
                dir.resolve("public.json").toString(), dir.resolve("proof.json").toString());
        assertFalse(other.output().contains("OK!"), other.output());
        Crosscheck.write(dir.resolve("vk.json"), SnarkjsJson.writeVerificationKey(pk.verifyingKey().toJson()));
        Crosscheck.Result same = Crosscheck.snarkjs("groth16", "verify", dir.resolve("vk.json").toString(),
                dir.resolve("public.json").toString(), dir.resolve("proof.json").toString());
        assertTrue(same.ok() && same.output().contains("OK!"), same.output());
    }
}
