package org.haca.proof.zk.internal.snarkjs;

import java.util.List;

/**
 * snarkjs {@code verification_key.json} for Groth16 on bn128, coordinates raw (not yet curve-checked).
 *
 * @param alphaBeta12 e(α, β) as snarkjs's nested decimal strings [2][3][2], or null when absent; the verifier does
 *        not use it (snarkjs 0.7 does not either), it is carried so that a read file can be written back unchanged
 */
public record VerificationKeyJson(int nPublic, RawG1 alpha1, RawG2 beta2, RawG2 gamma2, RawG2 delta2,
        List<List<List<String>>> alphaBeta12, List<RawG1> ic) {

    public VerificationKeyJson {
        ic = List.copyOf(ic);
        if (nPublic < 0) {
            throw new FormatException("nPublic must be ≥ 0, is " + nPublic);
        }
        if (ic.size() != nPublic + 1) {
            throw new FormatException("IC has " + ic.size() + " points, nPublic " + nPublic + " needs "
                    + (nPublic + 1));
        }
    }
}
