package org.haca.consensus.solo.internal;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.haca.api.chain.Block;
import org.haca.api.chain.BlockListener;
import org.haca.api.chain.TxResult;
import org.haca.api.economics.EconomicsParameters;
import org.haca.chain.internal.Chain;
import org.haca.chain.internal.core.Crypto;
import org.haca.chain.internal.core.Genesis;
import org.haca.chain.internal.core.Tx;
import org.haca.chain.internal.store.MemoryStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SoloEngineTest {
    static final String NET = "solo-test";
    final List<Crypto.KeyPair> users = new ArrayList<>();
    final Crypto.KeyPair sink = key("sink");
    Chain chain;
    SoloEngine engine;
    final List<Block> seen = new CopyOnWriteArrayList<>();

    static Crypto.KeyPair key(String s) {
        return Crypto.KeyPair.fromPrivateKey(Crypto.sha256(s.getBytes()));
    }

    void start(int maxMempool) {
        java.util.Map<String, Long> balances = new java.util.HashMap<>();
        for (int i = 0; i < 4; i++) {
            users.add(key("u" + i));
            balances.put(users.get(i).addressHex(), 1_000_000L);
        }
        chain = new Chain(new MemoryStore(), new Genesis(NET, balances, List.of(sink.addressHex()), List.of(),
                sink.addressHex()), () -> EconomicsParameters.DEFAULTS, true);
        BlockListener l = seen::add;
        engine = new SoloEngine(chain, chain, () -> List.of(l), 20, 1000, maxMempool);
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.stop();
        }
    }

    @Test
    void concurrentSubmittersAllCommitInOrderedBlocks() throws Exception {
        start(10_000);
        List<CompletableFuture<TxResult>> futures = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (Crypto.KeyPair u : users) {
            Thread t = new Thread(() -> {
                for (int n = 0; n < 100; n++) {
                    byte[] tx = Tx.sign(NET, n, u, new Tx.Transfer(sink.address(), 1)).encoded();
                    futures.add(engine.submit(tx).toCompletableFuture());
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        for (CompletableFuture<TxResult> f : futures) {
            TxResult r = f.get(10, TimeUnit.SECONDS);
            assertEquals(0, r.code(), r.log());
            assertTrue(r.height() > 0);
            assertEquals(r.height(), chain.tx(r.txHash()).orElseThrow().height(), "committed before acknowledged");
        }
        assertEquals(400, chain.account(sink.addressHex()).orElseThrow().balance());
        // listeners saw every block exactly once, in order, each linked to its predecessor
        long h = engine.height();
        for (int i = 0; i < 100 && seen.size() < h; i++) {
            Thread.sleep(10);
        }
        assertEquals(h, seen.size());
        for (int i = 0; i < seen.size(); i++) {
            assertEquals(i + 1, seen.get(i).height());
            if (i > 0) {
                assertEquals(seen.get(i - 1).hash(), seen.get(i).previousHash());
            }
        }
        long before = engine.height();
        Thread.sleep(150);
        assertEquals(before, engine.height(), "no empty blocks while idle");
    }

    @Test
    void idleChainCutsEmptyBlocksWhenConfigured() throws Exception {
        start(10);
        engine.stop();
        engine = new SoloEngine(chain, chain, List::of, 10, 30, 1000, 10);
        for (int i = 0; i < 500 && engine.height() < 3; i++) {
            Thread.sleep(10);
        }
        long h = engine.height();
        assertTrue(h >= 3, "empty blocks advance the height: " + h);
        assertTrue(chain.block(h).orElseThrow().txs().isEmpty());
    }

    @Test
    void rejectedTxCompletesAtOnceAndDuplicatesAreRefused() throws Exception {
        start(10_000);
        byte[] bad = Tx.sign(NET, 7, users.get(0), new Tx.Transfer(sink.address(), 1)).encoded();
        TxResult r = engine.submit(bad).toCompletableFuture().getNow(null);
        assertNotNull(r, "completed immediately");
        assertNotEquals(0, r.code());
        byte[] good = Tx.sign(NET, 0, users.get(0), new Tx.Transfer(sink.address(), 1)).encoded();
        CompletableFuture<TxResult> f1 = engine.submit(good).toCompletableFuture();
        TxResult dup = engine.submit(good).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertNotEquals(0, dup.code());
        assertEquals(0, f1.get(5, TimeUnit.SECONDS).code());
    }

    @Test
    void fullMempoolPushesBack() throws Exception {
        start(3);
        engine.stop(); // nothing drains the mempool now: submissions fail fast
        assertTrue(engine.submit(Tx.sign(NET, 0, users.get(0), new Tx.Transfer(sink.address(), 1)).encoded())
                .toCompletableFuture().isCompletedExceptionally());
        engine = new SoloEngine(chain, chain, List::of, 60_000, 1000, 3);
        Thread.sleep(50);
        int rejected = 0;
        for (int n = 0; n < 10; n++) {
            TxResult r = engine.submit(Tx.sign(NET, n, users.get(1), new Tx.Transfer(sink.address(), 1)).encoded())
                    .toCompletableFuture().getNow(null);
            if (r != null && r.code() == SoloEngine.MEMPOOL_FULL) {
                rejected++;
            }
        }
        assertTrue(rejected >= 6, "rejected " + rejected); // capacity 3, plus at most one held by the producer
    }
}
