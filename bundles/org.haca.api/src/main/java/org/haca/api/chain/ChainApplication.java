package org.haca.api.chain;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The deterministic application state machine that every consensus engine drives (solo, Raft, CometBFT). Its shape
 * follows ABCI 2.0 so the same code runs behind all of them.
 *
 * <p>Determinism contract: given the same sequence of {@link #finalizeBlock} calls, every replica computes the same
 * results and the same state root, on any machine. No wall clock (use the block time), no randomness, no floating
 * point, no iteration over unordered collections in state transitions.
 *
 * <p>Threading: {@link #checkTx} and queries may run concurrently with each other; {@link #finalizeBlock} and
 * {@link #commit} are called by one engine thread, strictly alternating.
 */
@ProviderType
public interface ChainApplication {

    /** Stateless and stateful admission check for the mempool; changes no committed state. */
    TxResult checkTx(byte[] tx);

    /**
     * Executes a block's transactions against the working state. Invalid transactions get a non-zero result code and
     * change nothing; the block as a whole never fails.
     *
     * @return one result per transaction, in order, and the state root after the block
     */
    BlockOutcome finalizeBlock(long height, long timeMillis, List<byte[]> txs);

    /** Makes the state after the last {@link #finalizeBlock} durable; returns when it is on disk. */
    void commit();

    /** Last committed height and state root: how an engine knows where to resume after a restart. */
    CommittedState lastCommitted();

    /** Results of one block and the state root after it. */
    record BlockOutcome(List<TxResult> results, String stateRoot) {
        public BlockOutcome {
            results = List.copyOf(results);
        }
    }

    /** Height 0 with the genesis state root means nothing was committed yet. */
    record CommittedState(long height, String stateRoot) {
    }
}
