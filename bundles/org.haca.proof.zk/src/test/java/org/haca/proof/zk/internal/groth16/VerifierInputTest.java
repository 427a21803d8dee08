package org.haca.proof.zk.internal.groth16;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;

import org.haca.proof.zk.internal.snarkjs.Bn128;
import org.haca.proof.zk.internal.snarkjs.Crosscheck;
import org.haca.proof.zk.internal.snarkjs.ProofJson;
import org.haca.proof.zk.internal.snarkjs.RawG2;
import org.haca.proof.zk.internal.snarkjs.SnarkjsJson;
import org.junit.jupiter.api.Test;

/** The verifier answers "invalid, because …" for every kind of bad input, and never throws. */
class VerifierInputTest {
    private final Path fx = Crosscheck.mulFixture();
    private final String vk = Crosscheck.text(fx.resolve("verification_key.json"));
    private final String proof = Crosscheck.text(fx.resolve("proof.json"));
    private final String pub = Crosscheck.text(fx.resolve("public.json"));

    @Test
    void malformedInputsAreInvalidWithAReason() {
        assertInvalid(Verifier.verify(null, proof, pub), "verification key: no JSON");
        assertInvalid(Verifier.verify(vk, "", pub), "proof: malformed JSON");
        assertInvalid(Verifier.verify(vk, "{}", pub), "proof: missing \"pi_a\"");
        assertInvalid(Verifier.verify(vk, proof, "{}"), "public signals: public signals must be a JSON array");
        assertInvalid(Verifier.verify(vk, proof, "[\"1\", \"2\"]"), "expected 3 public signals, got 2");
        assertInvalid(Verifier.verify(vk, proof, "[\"1\", \"2\", \"x\"]"), "not a decimal number");
        assertInvalid(Verifier.verify(vk, proof, "[\"1\", \"2\", \"" + "9".repeat(5000) + "\"]"),
                "not a decimal number");
        assertInvalid(Verifier.verify("[]", proof, pub), "must be a JSON object");
        assertInvalid(Verifier.verify(vk.replace("\"bn128\"", "\"bls12381\""), proof, pub), "\"curve\" must be");
    }

    @Test
    void pointsOffTheCurveOrSubgroupAreInvalid() {
        ProofJson p = SnarkjsJson.readProof(proof);
        List<BigInteger> signals = SnarkjsJson.readPublicSignals(pub);
        // (1, 2) is the G1 generator; (1, 3) is off the curve
        ProofJson offCurve = new ProofJson(new org.haca.proof.zk.internal.snarkjs.RawG1(BigInteger.ONE,
                BigInteger.valueOf(3)), p.b(), p.c());
        assertInvalid(Verifier.verify(SnarkjsJson.readVerificationKey(vk), offCurve, signals), "not a point of G1");
        // a G2 x with no point in the subgroup: B with its x coordinate swapped for (1, 0)
        ProofJson badB = new ProofJson(p.a(), new RawG2(BigInteger.ONE, BigInteger.ZERO, p.b().y0(), p.b().y1()),
                p.c());
        assertInvalid(Verifier.verify(SnarkjsJson.readVerificationKey(vk), badB, signals), "not a point of G2");
        // infinity for A passes the point checks but not the pairing
        ProofJson infA = new ProofJson(org.haca.proof.zk.internal.snarkjs.RawG1.INFINITY, p.b(), p.c());
        assertInvalid(Verifier.verify(SnarkjsJson.readVerificationKey(vk), infA, signals), "pairing check failed");
        // a vk coordinate ≥ q
        String badVk = vk.replaceFirst("\"vk_alpha_1\": \\[\\n  \"[0-9]+\"", "\"vk_alpha_1\": [\n  \"" + Bn128.Q
                + "\"");
        assertInvalid(Verifier.verify(badVk, proof, pub), "not below the base field modulus");
    }

    private static void assertInvalid(VerificationResult r, String reasonFragment) {
        assertFalse(r.valid());
        assertTrue(r.reason().contains(reasonFragment), () -> "reason '" + r.reason() + "' lacks " + reasonFragment);
    }

    @Test
    void theUntamperedProofIsValid() {
        assertTrue(Verifier.verify(vk, proof, pub).valid());
    }
}
