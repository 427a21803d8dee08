package org.haca.chain.internal;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.haca.api.chain.Block;
import org.haca.api.chain.TxResult;
import org.haca.api.economics.InferenceRecord;
import org.haca.api.economics.Supply;
import org.haca.chain.internal.core.Codes;
import org.haca.chain.internal.core.Merkle;
import org.haca.chain.internal.core.Tx;
import org.junit.jupiter.api.Test;

class ChainTest {
    final Fixture f = new Fixture();

    @Test
    void transferMovesFundsAndBumpsNonce() {
        List<TxResult> r = f.block(f.tx(f.user, new Tx.Transfer(f.user2.address(), 250)));
        assertEquals(0, r.get(0).code(), r.get(0).log());
        assertEquals(Fixture.USER_FUNDS - 250, f.balance(f.user));
        assertEquals(Fixture.USER_FUNDS + 250, f.balance(f.user2));
        assertEquals(1, f.chain.account(f.user.addressHex()).orElseThrow().nonce());
        Block b = f.chain.block(1).orElseThrow();
        assertEquals(1, b.txs().size());
        assertEquals(Chain.ZERO_HASH, b.previousHash());
        assertEquals(f.chain.lastCommitted().stateRoot(), b.stateRoot());
        assertEquals(b.hash(), f.chain.block(1).orElseThrow().hash());
        assertEquals(1, f.chain.tx(r.get(0).txHash()).orElseThrow().height());
        f.block();
        assertEquals(b.hash(), f.chain.block(2).orElseThrow().previousHash());
    }

    @Test
    void badInputIsRejectedAtCheckTxWithAReason() {
        byte[] good = f.tx(f.user, new Tx.Transfer(f.user2.address(), 1));
        byte[] badSig = good.clone();
        badSig[badSig.length - 5] ^= 1;
        assertCode(Codes.BAD_SIGNATURE, f.chain.checkTx(badSig));
        byte[] unknown = good.clone();
        unknown[1] = 77;
        assertCode(Codes.UNKNOWN_TYPE, f.chain.checkTx(unknown));
        assertCode(Codes.MALFORMED, f.chain.checkTx(new byte[] { 1, 2, 3 }));
        assertCode(Codes.TOO_LARGE, f.chain.checkTx(new byte[Tx.MAX_TX_BYTES + 1]));
        assertCode(Codes.INSUFFICIENT_FUNDS,
                f.chain.checkTx(f.txWithNonce(f.user, 0, new Tx.Transfer(f.user2.address(), Fixture.USER_FUNDS + 1))));
        assertCode(Codes.BAD_NONCE, f.chain.checkTx(f.txWithNonce(f.user, 5, new Tx.Transfer(f.user2.address(), 1))));
        assertCode(Codes.WRONG_NETWORK, f.chain.checkTx(
                Tx.sign("other-net", 0, f.user, new Tx.Transfer(f.user2.address(), 1)).encoded()));
        assertEquals(0, f.chain.checkTx(good).code());
        // replay after commit
        f.block(good);
        assertCode(Codes.BAD_NONCE, f.chain.checkTx(good));
    }

    @Test
    void badTxsInABlockChangeNothing() {
        String rootBefore = f.chain.lastCommitted().stateRoot();
        Supply before = f.chain.supply();
        byte[] good = f.txWithNonce(f.user, 0, new Tx.Transfer(f.user2.address(), 1));
        byte[] badSig = good.clone();
        badSig[badSig.length - 5] ^= 1;
        List<TxResult> r = f.block(badSig, f.txWithNonce(f.user, 3, new Tx.Transfer(f.user2.address(), 1)),
                f.txWithNonce(f.user, 0, new Tx.Transfer(f.user2.address(), Fixture.USER_FUNDS + 1)),
                new byte[] { 9 }, f.txWithNonce(f.user, 0, new Tx.Verdict("nope", true, "")));
        assertEquals(List.of(Codes.BAD_SIGNATURE, Codes.BAD_NONCE, Codes.INSUFFICIENT_FUNDS, Codes.MALFORMED,
                Codes.UNAUTHORIZED), r.stream().map(TxResult::code).toList());
        assertEquals(rootBefore, f.chain.lastCommitted().stateRoot(), "no partial application");
        assertEquals(before, f.chain.supply());
        assertEquals(0, f.chain.account(f.user.addressHex()).orElseThrow().nonce());
        // a tx replayed inside the same block executes once
        List<TxResult> r2 = f.block(good, good);
        assertEquals(0, r2.get(0).code());
        assertEquals(Codes.BAD_NONCE, r2.get(1).code());
    }

    @Test
    void validVerdictPaysNodeBurnsAndRewardsVerifier() {
        long nodeBefore = f.balance(f.node);
        assertEquals(0, f.block(f.tx(f.user, Fixture.result("tee-1", f.node, Tx.MODE_TEE, 10_000))).get(0).code());
        InferenceRecord pending = f.chain.inference("tee-1").orElseThrow();
        assertEquals(InferenceRecord.Status.PENDING, pending.status());
        assertEquals(10_000, f.chain.supply().escrowed());
        assertEquals(Fixture.USER_FUNDS - 10_000, f.balance(f.user));

        TxResult v = f.block(f.tx(f.validator, new Tx.Verdict("tee-1", true, "all checks passed"))).get(0);
        assertEquals(0, v.code(), v.log());
        InferenceRecord done = f.chain.inference("tee-1").orElseThrow();
        assertEquals(InferenceRecord.Status.VERIFIED, done.status());
        assertEquals(9_000, done.paidToNode()); // fee - 10% protocol share
        assertEquals(500, done.burned()); // 5% settlement burn
        assertEquals(nodeBefore + 9_000, f.balance(f.node));
        assertEquals(500, f.balance(f.validator)); // rest of the protocol share
        Supply s = f.chain.supply();
        assertEquals(0, s.escrowed());
        assertEquals(500, s.burned());
        long blocks = f.chain.metrics().blocks();
        assertEquals(9_000, f.chain.metrics().paid(), "metrics count the payout");
        assertEquals(500, f.chain.metrics().burned());
        // second verdict is rejected
        assertEquals(Codes.DUPLICATE, f.block(f.tx(f.validator, new Tx.Verdict("tee-1", false, "x"))).get(0).code());
        assertEquals(blocks + 1, f.chain.metrics().blocks());
        assertEquals(9_000, f.chain.metrics().paid(), "a rejected tx pays nothing, in the state and in the metrics");
    }

    @Test
    void invalidVerdictSlashesNodeAndRefundsUser() {
        f.block(f.tx(f.user, Fixture.result("zk-1", f.node, Tx.MODE_ZKML, 10_000)));
        f.block(f.tx(f.validator, new Tx.Verdict("zk-1", false, "pairing check failed")));
        InferenceRecord r = f.chain.inference("zk-1").orElseThrow();
        assertEquals(InferenceRecord.Status.REJECTED, r.status());
        assertEquals("pairing check failed", r.reason());
        assertEquals(Fixture.USER_FUNDS, f.balance(f.user), "refunded");
        long slash = Fixture.NODE_STAKE * 2000 / 10_000; // 20%
        assertEquals(Fixture.NODE_STAKE - slash, f.chain.account(f.node.addressHex()).orElseThrow().staked());
        assertEquals(slash / 2, f.chain.supply().burned());
        assertEquals(slash - slash / 2, f.balance(f.validator), "reporter reward");
        assertEquals(slash / 2, f.chain.metrics().burned(), "slash burn counted");
        assertEquals(0, f.chain.metrics().paid());
    }

    @Test
    void vanillaSettlesAfterChallengeWindow() {
        f.block(f.tx(f.user, Fixture.result("v-1", f.node, Tx.MODE_VANILLA, 1_000)));
        long submitted = f.chain.height();
        assertEquals(Codes.INVALID, f.block(f.tx(f.validator, new Tx.Verdict("v-1", true, ""))).get(0).code());
        while (f.chain.height() < submitted + Fixture.PARAMS.challengeWindowBlocks() - 1) {
            f.block();
        }
        assertEquals(InferenceRecord.Status.PENDING, f.chain.inference("v-1").orElseThrow().status());
        f.block();
        InferenceRecord r = f.chain.inference("v-1").orElseThrow();
        assertEquals(InferenceRecord.Status.SETTLED, r.status());
        assertEquals(900, r.paidToNode());
        assertEquals(50, r.burned());
        assertEquals(50, f.balance(f.treasury));
    }

    @Test
    void vanillaCanBeChallengedInsideTheWindow() {
        f.block(f.tx(f.user, Fixture.result("v-2", f.node, Tx.MODE_VANILLA, 1_000)));
        f.block(f.tx(f.validator, new Tx.Verdict("v-2", false, "fraud proof")));
        f.emptyBlocks(5);
        assertEquals(InferenceRecord.Status.REJECTED, f.chain.inference("v-2").orElseThrow().status());
        assertEquals(Fixture.USER_FUNDS, f.balance(f.user));
    }

    @Test
    void submitResultRules() {
        assertEquals(Codes.NOT_FOUND,
                f.block(f.tx(f.user, Fixture.result("x", f.user2, Tx.MODE_VANILLA, 100))).get(0).code());
        assertEquals(Codes.INVALID, f.block(f.tx(f.user, Fixture.result("x", f.node, Tx.MODE_VANILLA, 1))).get(0)
                .code(), "fee below minimum");
        assertEquals(0, f.block(f.tx(f.user, Fixture.result("x", f.node, Tx.MODE_VANILLA, 100))).get(0).code());
        assertEquals(Codes.DUPLICATE,
                f.block(f.tx(f.user2, Fixture.result("x", f.node, Tx.MODE_VANILLA, 100))).get(0).code());
    }

    @Test
    void batchSettleChecksRootAndPaysOnce() {
        java.util.List<byte[]> leaves = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            leaves.add(org.haca.chain.internal.core.Crypto.sha256(("r" + i).getBytes()));
        }
        byte[] root = Merkle.root(leaves);
        byte[] wrong = root.clone();
        wrong[0] ^= 1;
        assertEquals(Codes.INVALID,
                f.block(f.tx(f.user, new Tx.BatchSettle(f.node.address(), 20_000, wrong, leaves))).get(0).code());
        long nodeBefore = f.balance(f.node);
        assertEquals(0, f.block(f.tx(f.user, new Tx.BatchSettle(f.node.address(), 20_000, root, leaves))).get(0).code());
        assertEquals(nodeBefore + 18_000, f.balance(f.node));
        assertEquals(1_000, f.chain.supply().burned());
        assertEquals(Codes.DUPLICATE,
                f.block(f.tx(f.user, new Tx.BatchSettle(f.node.address(), 20_000, root, leaves))).get(0).code());
    }

    @Test
    void registerUnbondWithdraw() {
        Supply s0 = f.chain.supply();
        assertEquals(Codes.INVALID, f.block(f.tx(f.user2, new Tx.RegisterNode(10, 1, new byte[0]))).get(0).code());
        assertEquals(0, f.block(f.tx(f.user2, new Tx.RegisterNode(5_000, 1, new byte[0]))).get(0).code());
        assertEquals(s0.staked() + 5_000, f.chain.supply().staked());
        assertEquals(0, f.block(f.tx(f.user2, new Tx.Unbond(5_000))).get(0).code());
        assertEquals(Codes.INVALID, f.block(f.tx(f.user2, new Tx.Withdraw())).get(0).code(), "still unbonding");
        f.emptyBlocks(2);
        assertEquals(0, f.block(f.tx(f.user2, new Tx.Withdraw())).get(0).code());
        assertEquals(Fixture.USER_FUNDS, f.balance(f.user2));
        assertEquals(s0, f.chain.supply());
    }

    @Test
    void mempoolNoncesTrackAdmissionAndResyncAfterALostTx() {
        byte[] t0 = f.txWithNonce(f.user, 0, new Tx.Transfer(f.user2.address(), 1));
        byte[] t1 = f.txWithNonce(f.user, 1, new Tx.Transfer(f.user2.address(), 1));
        assertEquals(0, f.chain.checkTx(t0).code());
        assertEquals(0, f.chain.checkTx(t1).code());
        assertEquals(2, f.chain.expectedNonce(f.user.address()));
        assertCode(Codes.BAD_NONCE, f.chain.checkTx(f.txWithNonce(f.user, 3, new Tx.Transfer(f.user2.address(), 1))));
        // the engine lost t0: t1 fails on its nonce and the sender's mempool nonce re-syncs to the committed one
        assertEquals(Codes.BAD_NONCE, f.block(t1).get(0).code());
        assertEquals(0, f.chain.expectedNonce(f.user.address()));
        assertEquals(0, f.chain.checkTx(t0).code());
        assertEquals(0, f.block(t0).get(0).code());
        assertEquals(1, f.chain.expectedNonce(f.user.address()));
    }

    private static void assertCode(int code, TxResult r) {
        assertEquals(code, r.code(), r.log());
        assertFalse(r.log().isEmpty(), "a rejection says why");
    }
}
