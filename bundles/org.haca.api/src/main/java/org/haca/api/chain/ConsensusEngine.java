package org.haca.api.chain;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Orders transactions into finalized blocks and feeds them to the {@link ChainApplication}. One engine is active per
 * node (solo, raft or cometbft), chosen by the node's feature.
 *
 * <p>Thread safety: all methods may be called from any thread. {@link #submit} never blocks on consensus.
 */
@ConsumerType
public interface ConsensusEngine {

    /** Short engine name, for example {@code solo}. */
    String engineId();

    /** Height of the last finalized block (0 before the first block). */
    long height();

    /**
     * Submits an encoded transaction. The returned stage completes with the {@link TxResult} once the transaction is in
     * a durably committed block, or completes immediately with a non-zero code when admission ({@code checkTx})
     * rejects it. It completes exceptionally only when the engine stops first.
     */
    CompletionStage<TxResult> submit(byte[] tx);

    /** A finalized block, if this node still has it. */
    Optional<Block> block(long height);
}
