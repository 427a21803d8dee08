package org.haca.api.chain;

import java.util.List;

import org.haca.api.proof.Proof;
import org.haca.api.proof.Statement;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Builds and signs this node's transactions in the chain's canonical encoding, and decodes result submissions, so that
 * the inference engine and the verifier never depend on the encoding. Registered by the chain bundle.
 */
@ProviderType
public interface ChainTransactions {

    /** This network's id (transactions carry it; a tx for another network is rejected). */
    String networkId();

    /**
     * A signed {@code SubmitResult} transaction for an inference this node produced. The fee payer is the node's
     * configured payer account (the generated dev account in dev mode); the result is credited to this node's inference
     * account. Nonces are assigned locally in order, so transactions built here must be submitted in the order built.
     *
     * @param mode {@code VANILLA}, {@code TEE} or {@code ZKML}
     * @param proof null for VANILLA
     * @throws IllegalStateException when this node has no payer or inference key (not a dev node)
     */
    byte[] submitResult(String requestId, String mode, Statement statement, Proof proof, long fee);

    /** A signed {@code Verdict} transaction from this node's validator key. */
    byte[] verdict(String requestId, boolean valid, String reason);

    /** The successfully executed result submissions in a finalized block, in order. */
    List<ResultSubmission> resultsIn(Block block);

    /** Lowercase hex SHA-256 of an encoded transaction (its id everywhere). */
    String txHash(byte[] tx);
}
