package org.haca.api.chain;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

import org.haca.api.proof.Proof;
import org.haca.api.proof.Statement;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Builds, signs and submits this node's transactions in the chain's canonical encoding, and decodes result
 * submissions, so that the inference engine and the verifier never depend on the encoding or on nonces. Registered by
 * the chain bundle. Thread-safe: nonces are assigned and transactions submitted to the active {@link ConsensusEngine}
 * in one step, so concurrent callers never race for a nonce.
 */
@ProviderType
public interface ChainTransactions {

    /** This network's id (transactions carry it; a tx for another network is rejected). */
    String networkId();

    /**
     * Submits a signed {@code SubmitResult} transaction for an inference this node produced. The fee payer is the node's
     * configured payer account (the generated dev account in dev mode); the result is credited to this node's inference
     * account. Returns at once: {@link Submission#txHash()} is final, {@link Submission#result()} completes when the tx
     * is committed (or at once with a non-zero code when admission rejects it).
     *
     * @param mode {@code VANILLA}, {@code TEE} or {@code ZKML}
     * @param proof null for VANILLA
     * @throws IllegalStateException when this node has no payer or inference key, or no consensus engine runs
     */
    Submission submitResult(String requestId, String mode, Statement statement, Proof proof, long fee);

    /** Submits a signed {@code Verdict} transaction from this node's validator key. */
    Submission submitVerdict(String requestId, boolean valid, String reason);

    /** The successfully executed result submissions in a finalized block, in order. */
    List<ResultSubmission> resultsIn(Block block);

    /** Lowercase hex SHA-256 of an encoded transaction (its id everywhere). */
    String txHash(byte[] tx);

    /** A submitted transaction: its hash at once, its result when committed. */
    record Submission(String txHash, CompletionStage<TxResult> result) {
        public Submission {
            Objects.requireNonNull(txHash, "txHash");
            Objects.requireNonNull(result, "result");
        }
    }
}
