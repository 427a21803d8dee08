package org.haca.inference.internal;

import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.haca.api.chain.ChainTransactions;
import org.haca.api.chain.TxResult;
import org.haca.api.inference.InferenceResult;
import org.haca.api.proof.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits each result as a {@code SubmitResult} tx through the chain's {@link ChainTransactions} service (which signs
 * with the node's payer key, the generated dev account in dev mode, and hands it to the consensus engine without
 * waiting for the block). No chain, no payer key, or an immediate admission rejection: the result carries no tx.
 */
final class ChainResultSubmitter implements ResultSubmitter {
    private static final Logger LOG = LoggerFactory.getLogger(ChainResultSubmitter.class);
    private final Supplier<ChainTransactions> chain;
    private final LongSupplier fee;

    ChainResultSubmitter(Supplier<ChainTransactions> chain, LongSupplier fee) {
        this.chain = chain;
        this.fee = fee;
    }

    @Override
    public String submit(InferenceResult result, Statement statement) {
        ChainTransactions t = chain.get();
        if (t == null) {
            return null;
        }
        ChainTransactions.Submission s;
        try {
            s = t.submitResult(result.requestId(), result.mode().name(), statement, result.proof(), fee.getAsLong());
        } catch (IllegalStateException | IllegalArgumentException e) {
            LOG.debug("result {} not submitted to the chain: {}", result.requestId(), e.getMessage());
            return null;
        }
        CompletableFuture<TxResult> f = s.result().toCompletableFuture();
        if (f.isDone() && !f.isCompletedExceptionally() && !f.join().ok() && f.join().height() == 0) {
            LOG.warn("chain rejected the result of {}: {} {}", result.requestId(), f.join().code(), f.join().log());
            return null;
        }
        return s.txHash();
    }
}
