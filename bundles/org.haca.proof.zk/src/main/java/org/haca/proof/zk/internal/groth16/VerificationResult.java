package org.haca.proof.zk.internal.groth16;

/** Outcome of a Groth16 verification: valid, or invalid with the reason (bad input or a failed pairing check). */
public record VerificationResult(boolean valid, String reason) {
    static final VerificationResult VALID = new VerificationResult(true, "ok");

    static VerificationResult invalid(String reason) {
        return new VerificationResult(false, reason);
    }
}
