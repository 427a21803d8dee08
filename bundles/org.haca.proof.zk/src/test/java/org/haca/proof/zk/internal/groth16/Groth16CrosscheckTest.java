package org.haca.proof.zk.internal.groth16;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.haca.proof.zk.internal.r1cs.R1cs;
import org.haca.proof.zk.internal.r1cs.R1csFile;
import org.haca.proof.zk.internal.snarkjs.Crosscheck;
import org.haca.proof.zk.internal.snarkjs.ProofJson;
import org.haca.proof.zk.internal.snarkjs.RawG1;
import org.haca.proof.zk.internal.snarkjs.RawG2;
import org.haca.proof.zk.internal.snarkjs.SnarkjsJson;
import org.haca.proof.zk.internal.snarkjs.VerificationKeyJson;
import org.haca.proof.zk.internal.snarkjs.WtnsFile;
import org.haca.proof.zk.internal.snarkjs.Zkey;
import org.haca.proof.zk.internal.snarkjs.ZkeyFile;
import org.junit.jupiter.api.Test;

/**
 * Groth16 against snarkjs on crosscheck/groth16-mul.circom (public: out, a, b): snarkjs proofs verify in Java and
 * tampered ones fail in both; Java proofs from snarkjs keys verify in snarkjs; Java witness files are accepted.
 */
class Groth16CrosscheckTest {
    private final Path fx = Crosscheck.mulFixture();
    private final String vk = Crosscheck.text(fx.resolve("verification_key.json"));
    private final String proof = Crosscheck.text(fx.resolve("proof.json"));
    private final String pub = Crosscheck.text(fx.resolve("public.json"));

    @Test
    void snarkjsProofVerifiesInJava() {
        VerificationResult r = Verifier.verify(vk, proof, pub);
        assertTrue(r.valid(), r.reason());
    }

    @Test
    void everyChangedPublicSignalIsRejected() {
        List<BigInteger> signals = SnarkjsJson.readPublicSignals(pub);
        VerificationKeyJson key = SnarkjsJson.readVerificationKey(vk);
        ProofJson p = SnarkjsJson.readProof(proof);
        for (int i = 0; i < signals.size(); i++) {
            List<BigInteger> changed = new ArrayList<>(signals);
            changed.set(i, changed.get(i).add(BigInteger.ONE));
            VerificationResult r = Verifier.verify(key, p, changed);
            assertFalse(r.valid(), "signal " + i);
            assertEquals("pairing check failed", r.reason());
        }
        assertFalse(Verifier.verify(key, p, signals.subList(0, 2)).valid());
        List<BigInteger> aboveR = new ArrayList<>(signals);
        aboveR.set(0, signals.get(0).add(org.haca.proof.zk.internal.r1cs.Field.R));
        VerificationResult r = Verifier.verify(key, p, aboveR);
        assertFalse(r.valid());
        assertTrue(r.reason().contains("not in [0, r)"), r.reason());
    }

    @Test
    void everyChangedProofCoordinateIsRejected() {
        VerificationKeyJson key = SnarkjsJson.readVerificationKey(vk);
        ProofJson p = SnarkjsJson.readProof(proof);
        List<BigInteger> signals = SnarkjsJson.readPublicSignals(pub);
        List<ProofJson> tampered = List.of(
                new ProofJson(new RawG1(p.a().x().add(BigInteger.ONE), p.a().y()), p.b(), p.c()),
                new ProofJson(new RawG1(p.a().x(), p.a().y().add(BigInteger.ONE)), p.b(), p.c()),
                new ProofJson(p.a(), new RawG2(p.b().x0().add(BigInteger.ONE), p.b().x1(), p.b().y0(), p.b().y1()),
                        p.c()),
                new ProofJson(p.a(), new RawG2(p.b().x0(), p.b().x1().add(BigInteger.ONE), p.b().y0(), p.b().y1()),
                        p.c()),
                new ProofJson(p.a(), new RawG2(p.b().x0(), p.b().x1(), p.b().y0().add(BigInteger.ONE), p.b().y1()),
                        p.c()),
                new ProofJson(p.a(), new RawG2(p.b().x0(), p.b().x1(), p.b().y0(), p.b().y1().add(BigInteger.ONE)),
                        p.c()),
                new ProofJson(p.a(), p.b(), new RawG1(p.c().x().add(BigInteger.ONE), p.c().y())),
                new ProofJson(p.a(), p.b(), new RawG1(p.c().x(), p.c().y().add(BigInteger.ONE))),
                // valid curve points, wrong proof: A and C swapped, and −A (y → q − y)
                new ProofJson(p.c(), p.b(), p.a()),
                new ProofJson(new RawG1(p.a().x(), org.haca.proof.zk.internal.snarkjs.Bn128.Q.subtract(p.a().y())),
                        p.b(), p.c()));
        for (int i = 0; i < tampered.size(); i++) {
            VerificationResult r = Verifier.verify(key, tampered.get(i), signals);
            assertFalse(r.valid(), "tampered proof " + i + " accepted");
        }
        // the first off-curve case fails the point check, the swapped case the pairing
        assertTrue(Verifier.verify(key, tampered.get(0), signals).reason().contains("not a point of G1"));
        assertEquals("pairing check failed", Verifier.verify(key, tampered.get(8), signals).reason());
    }

    @Test
    void tamperedFilesAreRejectedBySnarkjsAndJavaAlike() {
        Path dir = Crosscheck.MODULE.resolve("target/groth16-tests/tampered");
        List<BigInteger> signals = new ArrayList<>(SnarkjsJson.readPublicSignals(pub));
        signals.set(1, signals.get(1).add(BigInteger.ONE));
        String badPub = SnarkjsJson.writePublicSignals(signals);
        ProofJson p = SnarkjsJson.readProof(proof);
        String badProof = SnarkjsJson.writeProof(new ProofJson(p.c(), p.b(), p.a()));
        Crosscheck.write(dir.resolve("bad_public.json"), badPub);
        Crosscheck.write(dir.resolve("bad_proof.json"), badProof);
        assertFalse(Verifier.verify(vk, proof, badPub).valid());
        assertFalse(Verifier.verify(vk, badProof, pub).valid());
        assertSnarkjsRejects(fx.resolve("verification_key.json"), dir.resolve("bad_public.json"),
                fx.resolve("proof.json"));
        assertSnarkjsRejects(fx.resolve("verification_key.json"), fx.resolve("public.json"),
                dir.resolve("bad_proof.json"));
    }

    @Test
    void javaProofFromSnarkjsKeyVerifiesInSnarkjs() {
        Zkey z = ZkeyFile.read(Crosscheck.bytes(fx.resolve("circuit.zkey")));
        BigInteger[] witness = WtnsFile.read(Crosscheck.bytes(fx.resolve("witness.wtns")));
        ProvingKey pk = ProvingKey.from(z);
        Groth16Proof p = new Prover().prove(pk, witness);
        assertEquals(SnarkjsJson.readPublicSignals(pub), p.publicSignals());
        VerificationResult own = Verifier.verify(pk.verifyingKey(), p.proof(), p.publicSignals());
        assertTrue(own.valid(), own.reason());
        Path dir = Crosscheck.MODULE.resolve("target/groth16-tests/java-proof");
        Crosscheck.write(dir.resolve("proof.json"), p.proofJson());
        Crosscheck.write(dir.resolve("public.json"), p.publicJson());
        assertSnarkjsAccepts(fx.resolve("verification_key.json"), dir.resolve("public.json"), dir.resolve("proof.json"));
        // two proofs of the same statement differ (fresh r, s) and both verify
        Groth16Proof p2 = new Prover().prove(pk, witness);
        assertFalse(p2.proof().equals(p.proof()));
        assertTrue(Verifier.verify(pk.verifyingKey(), p2.proof(), p2.publicSignals()).valid());
    }

    @Test
    void javaWitnessFileIsAcceptedBySnarkjs() {
        // a = 2, b = 9, x = 4: t1 = a·x = 8, t2 = t1·b = 72, out = t2·x + a = 290
        BigInteger[] w = values(1, 290, 2, 9, 4, 8, 72);
        Path dir = Crosscheck.MODULE.resolve("target/groth16-tests/java-wtns");
        Crosscheck.write(dir.resolve("witness.wtns"), WtnsFile.write(w));
        Crosscheck.Result check = Crosscheck.snarkjs("wtns", "check", fx.resolve("circuit.r1cs").toString(),
                dir.resolve("witness.wtns").toString());
        assertTrue(check.ok() && check.output().contains("WITNESS IS CORRECT"), check.output());
        // a wrong witness value is caught by snarkjs's check: the file carries exactly what Java wrote
        BigInteger[] wrong = w.clone();
        wrong[6] = BigInteger.valueOf(73);
        Crosscheck.write(dir.resolve("wrong.wtns"), WtnsFile.write(wrong));
        Crosscheck.Result bad = Crosscheck.snarkjs("wtns", "check", fx.resolve("circuit.r1cs").toString(),
                dir.resolve("wrong.wtns").toString());
        assertFalse(bad.output().contains("WITNESS IS CORRECT"), bad.output());
    }

    @Test
    void devSetupHasTheLayoutOfSnarkjsZkeyNew() throws Exception {
        R1cs circom = R1csFile.read(fx.resolve("circuit.r1cs")).r1cs();
        Zkey dev = DevSetup.generate(circom, new SecureRandom());
        Zkey sj = ZkeyFile.read(Crosscheck.bytes(fx.resolve("circuit0.zkey")));
        assertEquals(sj.nVars(), dev.nVars());
        assertEquals(sj.nPublic(), dev.nPublic());
        assertEquals(sj.domainSize(), dev.domainSize());
        assertArrayEquals(sj.sectionOrder(), dev.sectionOrder());
        assertArrayEquals(sj.coefficients().matrix(), dev.coefficients().matrix());
        assertArrayEquals(sj.coefficients().constraint(), dev.coefficients().constraint());
        assertArrayEquals(sj.coefficients().signal(), dev.coefficients().signal());
        assertArrayEquals(sj.coefficients().value(), dev.coefficients().value());
        // section 10 of a fresh key: 64-byte circuit hash + uint32 0 contributions
        assertEquals(sj.contributions().length, dev.contributions().length);
        // zero points exactly where snarkjs has them (wires absent from a matrix)
        for (int i = 0; i < sj.nVars(); i++) {
            assertEquals(sj.a()[i].isInfinity(), dev.a()[i].isInfinity(), "A " + i);
            assertEquals(sj.b2()[i].isInfinity(), dev.b2()[i].isInfinity(), "B2 " + i);
        }
    }

    @Test
    void devSetupKeyWorksWithSnarkjsBothWays() throws Exception {
        Zkey z = DevSetup.generate(R1csFile.read(fx.resolve("circuit.r1cs")).r1cs(), new SecureRandom());
        Path dir = Crosscheck.MODULE.resolve("target/groth16-tests/dev-setup");
        byte[] zkeyBytes = ZkeyFile.write(z);
        Crosscheck.write(dir.resolve("dev.zkey"), zkeyBytes);
        assertArrayEquals(zkeyBytes, ZkeyFile.write(ZkeyFile.read(zkeyBytes)));

        Crosscheck.Result export = Crosscheck.snarkjs("zkey", "export", "verificationkey",
                dir.resolve("dev.zkey").toString(), dir.resolve("vk.json").toString());
        assertTrue(export.ok(), export.output());
        VerificationKeyJson exported = SnarkjsJson.readVerificationKey(Crosscheck.text(dir.resolve("vk.json")));
        assertEquals(VerifyingKey.toJson(z).ic(), exported.ic());
        assertEquals(z.delta2(), exported.delta2());

        // Java proof with the Java key → snarkjs verifies
        BigInteger[] witness = WtnsFile.read(Crosscheck.bytes(fx.resolve("witness.wtns")));
        ProvingKey pk = ProvingKey.from(z);
        Groth16Proof p = new Prover().prove(pk, witness);
        Crosscheck.write(dir.resolve("proof.json"), p.proofJson());
        Crosscheck.write(dir.resolve("public.json"), p.publicJson());
        assertSnarkjsAccepts(dir.resolve("vk.json"), dir.resolve("public.json"), dir.resolve("proof.json"));
        // the verification key as Java writes it (no vk_alphabeta_12) is accepted by snarkjs too
        Crosscheck.write(dir.resolve("java_vk.json"), SnarkjsJson.writeVerificationKey(VerifyingKey.toJson(z)));
        assertSnarkjsAccepts(dir.resolve("java_vk.json"), dir.resolve("public.json"), dir.resolve("proof.json"));

        // snarkjs proof with the Java key → Java verifies (with the snarkjs-exported and the Java verifying key)
        Crosscheck.Result prove = Crosscheck.snarkjs("groth16", "prove", dir.resolve("dev.zkey").toString(),
                fx.resolve("witness.wtns").toString(), dir.resolve("sj_proof.json").toString(),
                dir.resolve("sj_public.json").toString());
        assertTrue(prove.ok(), prove.output());
        String sjProof = Crosscheck.text(dir.resolve("sj_proof.json"));
        String sjPublic = Crosscheck.text(dir.resolve("sj_public.json"));
        VerificationResult r = Verifier.verify(Crosscheck.text(dir.resolve("vk.json")), sjProof, sjPublic);
        assertTrue(r.valid(), r.reason());
        assertTrue(Verifier.verify(pk.verifyingKey(), SnarkjsJson.readProof(sjProof),
                SnarkjsJson.readPublicSignals(sjPublic)).valid());
    }

    private static void assertSnarkjsAccepts(Path vkFile, Path pubFile, Path proofFile) {
        Crosscheck.Result r = Crosscheck.snarkjs("groth16", "verify", vkFile.toString(), pubFile.toString(),
                proofFile.toString());
        assertTrue(r.ok() && r.output().contains("OK!"), r.output());
    }

    private static void assertSnarkjsRejects(Path vkFile, Path pubFile, Path proofFile) {
        Crosscheck.Result r = Crosscheck.snarkjs("groth16", "verify", vkFile.toString(), pubFile.toString(),
                proofFile.toString());
        assertFalse(r.output().contains("OK!"), r.output());
        assertTrue(r.output().contains("Invalid proof"), r.output());
    }

    static BigInteger[] values(long... v) {
        BigInteger[] out = new BigInteger[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = BigInteger.valueOf(v[i]);
        }
        return out;
    }
}
