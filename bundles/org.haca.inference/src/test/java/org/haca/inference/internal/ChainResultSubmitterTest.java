package org.haca.inference.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.haca.api.chain.Block;
import org.haca.api.chain.ChainTransactions;
import org.haca.api.chain.ResultSubmission;
import org.haca.api.chain.TxResult;
import org.haca.api.inference.InferenceMode;
import org.haca.api.inference.InferenceResult;
import org.haca.api.proof.Proof;
import org.haca.api.proof.Statement;
import org.junit.jupiter.api.Test;

class ChainResultSubmitterTest {
    static final Statement ST = new Statement("net", "aa", "bb", "cc", "00", 1);
    static final InferenceResult RESULT = new InferenceResult("req-1", "m", InferenceMode.VANILLA, "b", Map.of(), "aa",
            "bb", "cc", null, null);

    static final class FakeChain implements ChainTransactions {
        TxResult admission;
        RuntimeException failure;
        String lastMode;
        long lastFee;

        public String networkId() {
            return "net";
        }

        public Submission submitResult(String requestId, String mode, Statement statement, Proof proof, long fee) {
            if (failure != null) {
                throw failure;
            }
            lastMode = mode;
            lastFee = fee;
            CompletableFuture<TxResult> f = admission == null ? new CompletableFuture<>()
                    : CompletableFuture.completedFuture(admission);
            return new Submission("ab".repeat(32), f);
        }

        public Submission submitVerdict(String requestId, boolean valid, String reason) {
            throw new UnsupportedOperationException();
        }

        public List<ResultSubmission> resultsIn(Block block) {
            return List.of();
        }

        public String txHash(byte[] tx) {
            return "";
        }
    }

    @Test
    void submitsWithTheConfiguredFeeAndReturnsTheTxHashAtOnce() {
        FakeChain c = new FakeChain();
        assertEquals("ab".repeat(32), new ChainResultSubmitter(() -> c, () -> 42).submit(RESULT, ST));
        assertEquals("VANILLA", c.lastMode);
        assertEquals(42, c.lastFee);
    }

    @Test
    void noChainNoKeyOrRejectionMeansNoTx() {
        assertNull(new ChainResultSubmitter(() -> null, () -> 1).submit(RESULT, ST));
        FakeChain noKey = new FakeChain();
        noKey.failure = new IllegalStateException("no payer key");
        assertNull(new ChainResultSubmitter(() -> noKey, () -> 1).submit(RESULT, ST));
        FakeChain broke = new FakeChain();
        broke.admission = new TxResult("ab".repeat(32), 6, "insufficient balance", 0);
        assertNull(new ChainResultSubmitter(() -> broke, () -> 1).submit(RESULT, ST));
    }
}
