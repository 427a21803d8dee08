package org.haca.api.chain;

import java.util.Objects;

import org.haca.api.proof.Proof;
import org.haca.api.proof.Statement;

/**
 * A successfully executed {@code SubmitResult} transaction as a verifier sees it.
 *
 * @param mode {@code VANILLA}, {@code TEE} or {@code ZKML}
 * @param scheme proof scheme id; empty for VANILLA
 * @param proof the inline proof, or null when VANILLA or when only a proof hash was submitted
 * @param proofHash lowercase hex SHA-256 of the proof payload (empty for VANILLA)
 */
public record ResultSubmission(String requestId, String txHash, long height, String payer, String node, String mode,
        String scheme, Statement statement, Proof proof, String proofHash, long fee) {
    public ResultSubmission {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(proofHash, "proofHash");
    }
}
