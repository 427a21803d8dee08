package org.haca.chain.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.haca.api.chain.ChainApplication.BlockOutcome;
import org.haca.api.chain.TxResult;
import org.haca.api.economics.EconomicsParameters;
import org.haca.chain.internal.core.Crypto;
import org.haca.chain.internal.core.Genesis;
import org.haca.chain.internal.core.Tx;
import org.haca.chain.internal.store.MemoryStore;
import org.haca.chain.internal.store.Store;

/** A small network: a funded user, a registered inference node, a validator, a treasury. */
final class Fixture {
    static final String NET = "haca-test";
    static final long USER_FUNDS = 1_000_000;
    static final long NODE_STAKE = 100_000;
    static final EconomicsParameters PARAMS = new EconomicsParameters(1000, 500, 2000, 5000, 3, 1_000, 10, 2);

    final Crypto.KeyPair user = key("user");
    final Crypto.KeyPair user2 = key("user2");
    final Crypto.KeyPair node = key("node");
    final Crypto.KeyPair validator = key("validator");
    final Crypto.KeyPair treasury = key("treasury");
    final Chain chain;
    long time = 1_700_000_000_000L;
    final java.util.Map<String, Long> nonces = new java.util.HashMap<>();

    Fixture() {
        this(new MemoryStore());
    }

    Fixture(Store store) {
        chain = new Chain(store, genesis(), () -> PARAMS, true);
    }

    Genesis genesis() {
        return new Genesis(NET, Map.of(user.addressHex(), USER_FUNDS, user2.addressHex(), USER_FUNDS,
                node.addressHex(), 1_000L), List.of(validator.addressHex()),
                List.of(new Genesis.GenesisNode(node.addressHex(), NODE_STAKE, 7)), treasury.addressHex());
    }

    static Crypto.KeyPair key(String seed) {
        return Crypto.KeyPair.fromPrivateKey(Crypto.sha256(seed.getBytes()));
    }

    byte[] tx(Crypto.KeyPair k, Tx.Body body) {
        long n = chain.nonce(k.address());
        return Tx.sign(NET, n, k, body).encoded();
    }

    byte[] txWithNonce(Crypto.KeyPair k, long nonce, Tx.Body body) {
        return Tx.sign(NET, nonce, k, body).encoded();
    }

    static Tx.SubmitResult result(String id, Crypto.KeyPair node, int mode, long fee) {
        byte[] h = Crypto.sha256(id.getBytes());
        if (mode == Tx.MODE_VANILLA) {
            return new Tx.SubmitResult(id, node.address(), h, h, h, mode, "", "00", 1L, fee, Tx.PROOF_NONE,
                    new byte[0]);
        }
        return new Tx.SubmitResult(id, node.address(), h, h, h, mode, "tee.simulated.v1", "00", 1L, fee,
                Tx.PROOF_INLINE, "proof".getBytes());
    }

    /** Executes and commits one block. */
    List<TxResult> block(byte[]... txs) {
        long h = chain.height() + 1;
        time += 1000;
        BlockOutcome out = chain.finalizeBlock(h, time, List.of(txs));
        chain.commit();
        return out.results();
    }

    List<TxResult> emptyBlocks(int n) {
        List<TxResult> r = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            block();
        }
        return r;
    }

    long balance(Crypto.KeyPair k) {
        return chain.account(k.addressHex()).map(a -> a.balance()).orElse(0L);
    }
}
