package org.haca.proof.zk.internal.groth16;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.haca.proof.zk.internal.snarkjs.Crosscheck;
import org.haca.proof.zk.internal.snarkjs.SnarkjsJson;
import org.haca.proof.zk.internal.snarkjs.VerificationKeyJson;
import org.haca.proof.zk.internal.snarkjs.WtnsFile;
import org.haca.proof.zk.internal.snarkjs.Zkey;
import org.haca.proof.zk.internal.snarkjs.ZkeyFile;

/**
 * Prove/verify timings, Java vs snarkjs, on crosscheck/groth16-bench.circom (2401 constraints, 2^12 domain), warm,
 * same key and witness. Not a test (no timing assertions). Run from the module directory after test-compile:
 * <pre>java -cp target/classes:target/test-classes:$GSON_JAR org.haca.proof.zk.internal.groth16.Groth16Bench 5</pre>
 */
public final class Groth16Bench {
    private Groth16Bench() {
    }

    public static void main(String[] args) throws Exception {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path dir = Crosscheck.MODULE.resolve("target/bench/chain");
        if (!Files.exists(dir.resolve("proof.json"))) {
            Crosscheck.Result r = Crosscheck.run("node", "crosscheck/groth16-fixtures.mjs", dir.toString(),
                    "crosscheck/groth16-bench.circom", "12", "{\"x\":\"3\",\"k\":\"11\"}");
            if (!r.ok()) {
                throw new IllegalStateException(r.output());
            }
        }
        long t0 = System.nanoTime();
        Zkey z = ZkeyFile.read(Crosscheck.bytes(dir.resolve("circuit.zkey")));
        long t1 = System.nanoTime();
        ProvingKey pk = ProvingKey.from(z);
        long t2 = System.nanoTime();
        System.out.printf("zkey: nVars %d, nPublic %d, domain %d; read %.0f ms, ProvingKey %.0f ms%n", z.nVars(),
                z.nPublic(), z.domainSize(), (t1 - t0) / 1e6, (t2 - t1) / 1e6);
        BigInteger[] witness = WtnsFile.read(Crosscheck.bytes(dir.resolve("witness.wtns")));
        VerificationKeyJson vkJson = SnarkjsJson.readVerificationKey(Crosscheck.text(dir.resolve(
                "verification_key.json")));
        VerifyingKey vk = VerifyingKey.from(vkJson);
        Prover prover = new Prover();
        for (int i = 0; i < 3; i++) { // warm-up
            Groth16Proof p = prover.prove(pk, witness);
            if (!Verifier.verify(vk, p.proof(), p.publicSignals()).valid()) {
                throw new IllegalStateException("Java proof does not verify");
            }
        }
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        com.sun.management.OperatingSystemMXBean cpu = (com.sun.management.OperatingSystemMXBean) os;
        List<Long> proveCpu = new ArrayList<>();
        List<Long> prove = new ArrayList<>();
        List<Long> verify = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            long ca = cpu.getProcessCpuTime();
            long a = System.nanoTime();
            Groth16Proof p = prover.prove(pk, witness);
            long b = System.nanoTime();
            proveCpu.add((cpu.getProcessCpuTime() - ca) / 1_000_000);
            VerificationResult r = Verifier.verify(vk, p.proof(), p.publicSignals());
            long c = System.nanoTime();
            if (!r.valid()) {
                throw new IllegalStateException(r.reason());
            }
            prove.add((b - a) / 1_000_000);
            verify.add((c - b) / 1_000_000);
        }
        System.out.println("java    prove ms " + prove + "  prove CPU ms (all threads) " + proveCpu + "  verify ms "
                + verify);
        Crosscheck.Result sj = Crosscheck.run("node", "crosscheck/groth16-bench.mjs", dir.toString(),
                Integer.toString(reps + 1));
        System.out.println("snarkjs (first is cold) " + sj.output().trim());
    }
}
