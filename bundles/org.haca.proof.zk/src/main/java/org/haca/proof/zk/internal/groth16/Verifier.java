package org.haca.proof.zk.internal.groth16;

import java.math.BigInteger;
import java.util.List;

import org.haca.proof.zk.internal.bn254.G1;
import org.haca.proof.zk.internal.bn254.G2;
import org.haca.proof.zk.internal.bn254.Pairing;
import org.haca.proof.zk.internal.r1cs.Field;
import org.haca.proof.zk.internal.snarkjs.FormatException;
import org.haca.proof.zk.internal.snarkjs.ProofJson;
import org.haca.proof.zk.internal.snarkjs.SnarkjsJson;
import org.haca.proof.zk.internal.snarkjs.VerificationKeyJson;

/**
 * Groth16 verification as snarkjs 0.7 does it: e(−A, B) · e(α, β) · e(vk_x, γ) · e(C, δ) = 1 with
 * vk_x = IC_0 + Σ s_i · IC_i, checked with one multi-pairing. Bad input (wrong count, public value ≥ r, a point
 * off the curve or outside the subgroup, malformed JSON) yields an invalid result with its reason, never an
 * exception.
 */
public final class Verifier {

    private Verifier() {
    }

    /** From the three snarkjs JSON texts (verification_key.json, proof.json, public.json). */
    public static VerificationResult verify(String vkJson, String proofJson, String publicJson) {
        VerifyingKey vk;
        try {
            vk = VerifyingKey.from(SnarkjsJson.readVerificationKey(vkJson));
        } catch (FormatException e) {
            return VerificationResult.invalid("verification key: " + e.getMessage());
        }
        ProofJson proof;
        List<BigInteger> signals;
        try {
            proof = SnarkjsJson.readProof(proofJson);
        } catch (FormatException e) {
            return VerificationResult.invalid("proof: " + e.getMessage());
        }
        try {
            signals = SnarkjsJson.readPublicSignals(publicJson);
        } catch (FormatException e) {
            return VerificationResult.invalid("public signals: " + e.getMessage());
        }
        return verify(vk, proof, signals);
    }

    public static VerificationResult verify(VerificationKeyJson vk, ProofJson proof, List<BigInteger> publicSignals) {
        try {
            return verify(VerifyingKey.from(vk), proof, publicSignals);
        } catch (FormatException e) {
            return VerificationResult.invalid("verification key: " + e.getMessage());
        }
    }

    public static VerificationResult verify(VerifyingKey vk, ProofJson proof, List<BigInteger> publicSignals) {
        try {
            if (vk == null || proof == null || publicSignals == null) {
                return VerificationResult.invalid("missing verification key, proof or public signals");
            }
            if (publicSignals.size() != vk.nPublic()) {
                return VerificationResult.invalid("expected " + vk.nPublic() + " public signals, got "
                        + publicSignals.size());
            }
            for (int i = 0; i < publicSignals.size(); i++) {
                BigInteger s = publicSignals.get(i);
                if (s == null || s.signum() < 0 || s.compareTo(Field.R) >= 0) {
                    return VerificationResult.invalid("public signal " + i + " is not in [0, r)");
                }
            }
            G1 a;
            G2 b;
            G1 c;
            try {
                a = Points.g1(proof.a(), "pi_a");
                b = Points.g2(proof.b(), "pi_b");
                c = Points.g1(proof.c(), "pi_c");
            } catch (FormatException e) {
                return VerificationResult.invalid("proof: " + e.getMessage());
            }
            G1 vkX = vk.ic(0);
            for (int i = 0; i < publicSignals.size(); i++) {
                vkX = vkX.add(vk.ic(i + 1).mul(publicSignals.get(i)));
            }
            boolean ok = Pairing.pairingCheck(new G1[] {a.neg(), vk.alpha1(), vkX, c},
                    new G2[] {b, vk.beta2(), vk.gamma2(), vk.delta2()});
            return ok ? VerificationResult.VALID : VerificationResult.invalid("pairing check failed");
        } catch (RuntimeException e) {
            // defensive: a verifier must answer, whatever the input; arithmetic never throws on checked points
            return VerificationResult.invalid("cannot verify: " + e);
        }
    }
}
