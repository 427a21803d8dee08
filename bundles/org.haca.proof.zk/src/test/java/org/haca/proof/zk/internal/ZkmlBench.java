package org.haca.proof.zk.internal;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.haca.api.model.Tensor;
import org.haca.backend.quant.internal.QuantModel;
import org.haca.backend.quant.internal.qprog.QTensor;
import org.haca.onnx.testmodels.TestModels;
import org.haca.proof.zk.internal.bn254.G1;
import org.haca.proof.zk.internal.bn254.G2;
import org.haca.proof.zk.internal.bn254.Pairing;
import org.haca.proof.zk.internal.circuit.CircuitCompiler;
import org.haca.proof.zk.internal.circuit.CompiledCircuit;
import org.haca.proof.zk.internal.groth16.DevSetup;
import org.haca.proof.zk.internal.groth16.Groth16Proof;
import org.haca.proof.zk.internal.groth16.Prover;
import org.haca.proof.zk.internal.groth16.ProvingKey;
import org.haca.proof.zk.internal.groth16.Verifier;
import org.haca.proof.zk.internal.groth16.VerifyingKey;
import org.haca.proof.zk.internal.snarkjs.Crosscheck;
import org.haca.proof.zk.internal.snarkjs.SnarkjsJson;
import org.haca.proof.zk.internal.snarkjs.WtnsFile;
import org.haca.proof.zk.internal.snarkjs.Zkey;
import org.haca.proof.zk.internal.snarkjs.ZkeyFile;

/**
 * Issue #6's benchmark: Groth16 prove and verify on the ZKML circuits of real models, Java vs snarkjs 0.7.6 on the
 * same {@code .zkey} and witness in the same run (snarkjs reads the Java-written files; both sides' proofs are checked),
 * plus one pairing. Not a test: no timing assertions. From the module directory after {@code mvn test-compile}:
 *
 * <pre>java -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
 *     org.haca.proof.zk.internal.ZkmlBench mlp64 5</pre>
 *
 * ({@code mvn dependency:build-classpath -Dmdep.outputFile=target/bench.classpath} writes the classpath.) Models:
 * {@code mlp64} (784-64-10), {@code mlp128} (784-128-10), {@code cnn} (the test CNN).
 */
public final class ZkmlBench {
    private ZkmlBench() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "mlp64";
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        byte[] onnx = switch (which) {
            case "mlp64" -> TestModels.mlp(42, 64);
            case "mlp128" -> TestModels.mlp();
            case "cnn" -> TestModels.cnn();
            default -> throw new IllegalArgumentException("model: mlp64, mlp128 or cnn");
        };
        QuantModel model = QuantModel.load(onnx);
        long t0 = System.nanoTime();
        CompiledCircuit circuit = CircuitCompiler.compile(model.program());
        long t1 = System.nanoTime();
        Zkey zkey = DevSetup.generate(circuit.r1cs(), new SecureRandom());
        long t2 = System.nanoTime();
        System.out.printf("%s: %d constraints, %d wires, domain 2^%d; compile %.0f ms, dev setup %.0f ms%n", which,
                circuit.r1cs().constraints().size(), circuit.r1cs().nWires(), zkey.power(), (t1 - t0) / 1e6,
                (t2 - t1) / 1e6);

        int width = which.equals("cnn") ? 784 : 784;
        long[] shape = which.equals("cnn") ? new long[] {1, 1, 28, 28} : new long[] {1, 784};
        Map<String, QTensor> input = model.quantizeInputs(Map.of(TestModels.INPUT,
                Tensor.ofFloats(shape, TestModels.input(9, width))), Long.MAX_VALUE);
        BigInteger[] witness = circuit.witness(input, BigInteger.valueOf(123456789));

        Path dir = Crosscheck.MODULE.resolve("target/bench/zkml-" + which);
        Files.createDirectories(dir);
        Crosscheck.write(dir.resolve("circuit.zkey"), ZkeyFile.write(zkey));
        Crosscheck.write(dir.resolve("witness.wtns"), WtnsFile.write(witness));
        Crosscheck.write(dir.resolve("verification_key.json"),
                SnarkjsJson.writeVerificationKey(VerifyingKey.toJson(zkey)));

        ProvingKey pk = ProvingKey.from(zkey);
        VerifyingKey vk = VerifyingKey.from(zkey);
        Prover prover = new Prover();
        for (int i = 0; i < 3; i++) { // warm-up (JIT)
            Groth16Proof p = prover.prove(pk, witness);
            if (!Verifier.verify(vk, p.proof(), p.publicSignals()).valid()) {
                throw new IllegalStateException("Java proof does not verify");
            }
        }
        List<Double> prove = new ArrayList<>();
        List<Double> verify = new ArrayList<>();
        Groth16Proof last = null;
        for (int i = 0; i < reps; i++) {
            long a = System.nanoTime();
            last = prover.prove(pk, witness);
            long b = System.nanoTime();
            boolean ok = Verifier.verify(vk, last.proof(), last.publicSignals()).valid();
            long c = System.nanoTime();
            if (!ok) {
                throw new IllegalStateException("Java proof does not verify");
            }
            prove.add((b - a) / 1e6);
            verify.add((c - b) / 1e6);
        }
        // the Java proof must also satisfy snarkjs
        Crosscheck.write(dir.resolve("proof.json"), last.proofJson());
        Crosscheck.write(dir.resolve("public.json"), last.publicJson());
        Crosscheck.Result check = Crosscheck.snarkjs("groth16", "verify", dir.resolve("verification_key.json")
                .toString(), dir.resolve("public.json").toString(), dir.resolve("proof.json").toString());
        if (!check.output().contains("OK")) {
            throw new IllegalStateException("snarkjs rejects the Java proof: " + check.output());
        }

        // e(P, Q) · e(-P, Q) = 1: a two-pairing check (one Miller loop each, one final exponentiation)
        List<Double> pairing = new ArrayList<>();
        G1 p = G1.generator().mul(BigInteger.valueOf(987654321));
        G2 q = G2.fromAffine( // the BN254 G2 generator (EIP-197), (c0 + c1·u) coordinates
                new BigInteger("10857046999023057135944570762232829481370756359578518086990519993285655852781"),
                new BigInteger("11559732032986387107991004021392285783925812861821192530917403151452391805634"),
                new BigInteger("8495653923123431417604973247489272438418190587263600148770280649306958101930"),
                new BigInteger("4082367875863433681332203403145435568316851327593401208105741076214120093531"));
        G1[] ps = {p, p.neg()};
        G2[] qs = {q, q};
        for (int i = 0; i < 50 + reps * 20; i++) {
            long a = System.nanoTime();
            if (!Pairing.pairingCheck(ps, qs)) {
                throw new IllegalStateException("e(P,Q)·e(-P,Q) != 1");
            }
            if (i >= 50) {
                pairing.add((System.nanoTime() - a) / 1e6);
            }
        }

        Crosscheck.Result js = Crosscheck.run("node", "crosscheck/groth16-bench.mjs", dir.toString(),
                Integer.toString(reps + 2));
        if (!js.ok()) {
            throw new IllegalStateException("snarkjs bench failed: " + js.output());
        }
        System.out.printf("Java   prove ms %s (median %.1f), verify ms %s (median %.2f)%n", fmt(prove),
                median(prove), fmt(verify), median(verify));
        System.out.printf("Java   2-pairing check e(P,Q)·e(-P,Q)=1: median %.2f ms over %d%n", median(pairing),
                pairing.size());
        System.out.println("snarkjs (first 2 runs are its warm-up): " + js.output().trim());
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    private static String fmt(List<Double> v) {
        List<String> out = new ArrayList<>();
        for (double d : v) {
            out.add(String.format("%.1f", d));
        }
        return out.toString();
    }
}
