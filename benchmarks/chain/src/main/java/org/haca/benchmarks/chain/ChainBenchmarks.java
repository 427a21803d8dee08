package org.haca.benchmarks.chain;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.haca.api.chain.TxResult;
import org.haca.api.economics.EconomicsParameters;
import org.haca.chain.internal.Chain;
import org.haca.chain.internal.core.Crypto;
import org.haca.chain.internal.core.Genesis;
import org.haca.chain.internal.core.Merkle;
import org.haca.chain.internal.core.Tx;
import org.haca.chain.internal.store.RocksStore;
import org.haca.consensus.solo.internal.SoloEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * End-to-end chain throughput on a real RocksDB store (one fsync'ed WriteBatch per block), through the solo engine
 * (block interval 5 ms). Clients' signing happens in setup; every measured op is admitted by CheckTx (signature
 * verification included), executed, durably committed and acknowledged.
 *
 * <p>Single-shot invocations over pre-signed rounds (nonces advance, so every invocation needs fresh txs); the score is
 * microseconds per op: ops/s = 1e6 / score.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = { "-Xms2g", "-Xmx2g" })
@Warmup(iterations = 4, batchSize = 1)
@Measurement(iterations = 8, batchSize = 1)
public class ChainBenchmarks {
    static final String NET = "bench";
    static final int ROUNDS = 12;
    static final int CHUNK = 20_000;
    static final int ACCOUNTS = 200;
    static final int BATCHERS = 10;
    static final int LEAVES = 10_000;

    Path dir;
    Chain chain;
    SoloEngine engine;
    final Crypto.KeyPair sink = key("sink");
    final Crypto.KeyPair node = key("node");
    /** Per round: two per-thread lists; each account's txs stay on one thread in nonce order. */
    final List<List<List<byte[]>>> transfers = new ArrayList<>();
    final List<List<byte[]>> batches = new ArrayList<>();
    int transferRound;
    int batchRound;

    static Crypto.KeyPair key(String s) {
        return Crypto.KeyPair.fromPrivateKey(Crypto.sha256(s.getBytes()));
    }

    @Setup(Level.Trial)
    public void setup() throws Exception {
        dir = Files.createTempDirectory("haca-bench");
        Map<String, Long> balances = new HashMap<>();
        List<Crypto.KeyPair> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            accounts.add(key("acct" + i));
            balances.put(accounts.get(i).addressHex(), 1_000_000_000L);
        }
        List<Crypto.KeyPair> batchers = new ArrayList<>();
        for (int b = 0; b < BATCHERS; b++) {
            batchers.add(key("batcher" + b));
            balances.put(batchers.get(b).addressHex(), 1_000_000_000L);
        }
        chain = new Chain(new RocksStore(dir), new Genesis(NET, balances, List.of(sink.addressHex()),
                List.of(new Genesis.GenesisNode(node.addressHex(), 1_000_000, 7)), sink.addressHex()),
                () -> EconomicsParameters.DEFAULTS, false);
        engine = new SoloEngine(chain, chain, List::of, 5, 0, 50_000, 500_000);
        int perAccount = CHUNK / ACCOUNTS;
        for (int r = 0; r < ROUNDS; r++) {
            final int rr = r;
            List<byte[][]> signed = IntStream.range(0, ACCOUNTS).parallel().mapToObj(a -> {
                byte[][] out = new byte[perAccount][];
                for (int n = 0; n < perAccount; n++) {
                    out[n] = Tx.sign(NET, (long) rr * perAccount + n, accounts.get(a),
                            new Tx.Transfer(sink.address(), 1)).encoded();
                }
                return out;
            }).toList();
            List<List<byte[]>> perThread = List.of(new ArrayList<>(), new ArrayList<>());
            for (int n = 0; n < perAccount; n++) {
                for (int a = 0; a < ACCOUNTS; a++) {
                    perThread.get(a % 2).add(signed.get(a)[n]);
                }
            }
            transfers.add(perThread);
            List<byte[]> round = IntStream.range(0, BATCHERS).parallel().mapToObj(b -> {
                List<byte[]> leaves = new ArrayList<>(LEAVES);
                for (int i = 0; i < LEAVES; i++) {
                    leaves.add(Crypto.sha256(("r" + rr + "b" + b + "i" + i).getBytes()));
                }
                return Tx.sign(NET, rr, batchers.get(b),
                        new Tx.BatchSettle(node.address(), LEAVES, Merkle.root(leaves), leaves)).encoded();
            }).toList();
            batches.add(round);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        engine.stop();
        chain.close();
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private void submitAll(List<byte[]> a, List<byte[]> b) throws Exception {
        List<CompletableFuture<TxResult>> fa = new ArrayList<>(a.size());
        List<CompletableFuture<TxResult>> fb = new ArrayList<>(b.size());
        Thread t = new Thread(() -> b.forEach(tx -> fb.add(engine.submit(tx).toCompletableFuture())));
        t.start();
        a.forEach(tx -> fa.add(engine.submit(tx).toCompletableFuture()));
        t.join();
        for (List<CompletableFuture<TxResult>> fs : List.of(fa, fb)) {
            for (CompletableFuture<TxResult> f : fs) {
                TxResult res = f.get(120, TimeUnit.SECONDS);
                if (!res.ok()) {
                    throw new IllegalStateException("tx rejected: " + res.log());
                }
            }
        }
    }

    /** One op = one signed transfer, admitted, executed, committed (fsync) and acknowledged. */
    @Benchmark
    @OperationsPerInvocation(CHUNK)
    public void signedTransfersThroughSolo() throws Exception {
        List<List<byte[]>> r = transfers.get(transferRound++ % ROUNDS);
        submitAll(r.get(0), r.get(1));
    }

    /** One op = one result commitment settled through BatchSettle (10 batches of 10,000 leaves per invocation). */
    @Benchmark
    @OperationsPerInvocation(BATCHERS * LEAVES)
    public void resultsThroughBatchSettle() throws Exception {
        List<byte[]> r = batches.get(batchRound++ % ROUNDS);
        submitAll(r.subList(0, BATCHERS / 2), r.subList(BATCHERS / 2, BATCHERS));
    }
}
