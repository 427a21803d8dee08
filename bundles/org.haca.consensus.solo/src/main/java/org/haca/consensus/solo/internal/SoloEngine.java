package org.haca.consensus.solo.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.haca.api.chain.Block;
import org.haca.api.chain.BlockListener;
import org.haca.api.chain.ChainApplication;
import org.haca.api.chain.ChainApplication.BlockOutcome;
import org.haca.api.chain.ChainQuery;
import org.haca.api.chain.ConsensusEngine;
import org.haca.api.chain.TxResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Single-validator block producer. Admission ({@code checkTx}, including the signature check) runs on the submitting
 * thread; admitted txs wait in a bounded mempool. The producer thread cuts a block when txs are pending and at least
 * {@code intervalMs} passed since the last block: finalizeBlock, commit (durable, fsync), then completes the
 * submitters' futures and tells the block listeners. A full mempool rejects with code 20 (back-pressure).
 */
public final class SoloEngine implements ConsensusEngine {
    private static final Logger LOG = LoggerFactory.getLogger(SoloEngine.class);
    public static final int MEMPOOL_FULL = 20;
    public static final int DUPLICATE = 11;

    private final ChainApplication app;
    private final ChainQuery query;
    private final Supplier<List<BlockListener>> listeners;
    private final long intervalMs;
    private final long emptyBlockIntervalMs;
    private final int maxBlockTxs;
    private final BlockingQueue<Pending> mempool;
    private final Set<String> pendingHashes = ConcurrentHashMap.newKeySet();
    private final Thread producer;
    private volatile boolean running = true;
    private volatile long height;
    private long lastTime;
    private long lastBlockAt;

    private record Pending(byte[] tx, String hash, CompletableFuture<TxResult> future) {
    }

    public SoloEngine(ChainApplication app, ChainQuery query, Supplier<List<BlockListener>> listeners, long intervalMs,
            int maxBlockTxs, int maxMempool) {
        this(app, query, listeners, intervalMs, 0, maxBlockTxs, maxMempool);
    }

    /**
     * @param emptyBlockIntervalMs when no tx arrives for this long, an empty block is cut anyway so that height-based
     *        deadlines (challenge windows, unbonding) advance on an idle chain; 0 = never
     */
    public SoloEngine(ChainApplication app, ChainQuery query, Supplier<List<BlockListener>> listeners, long intervalMs,
            long emptyBlockIntervalMs, int maxBlockTxs, int maxMempool) {
        this.emptyBlockIntervalMs = emptyBlockIntervalMs;
        this.app = app;
        this.query = query;
        this.listeners = listeners;
        this.intervalMs = intervalMs;
        this.maxBlockTxs = maxBlockTxs;
        this.mempool = new ArrayBlockingQueue<>(maxMempool);
        ChainApplication.CommittedState c = app.lastCommitted();
        this.height = c.height();
        this.lastTime = query.block(c.height()).map(Block::time).orElse(0L);
        this.lastBlockAt = System.currentTimeMillis();
        this.producer = new Thread(this::run, "haca-solo-producer");
        producer.setDaemon(true);
        producer.start();
    }

    @Override
    public String engineId() {
        return "solo";
    }

    @Override
    public long height() {
        return height;
    }

    @Override
    public Optional<Block> block(long h) {
        return query.block(h);
    }

    /** Txs admitted and waiting for a block. */
    public int mempoolSize() {
        return mempool.size();
    }

    @Override
    public CompletionStage<TxResult> submit(byte[] tx) {
        if (!running) {
            return CompletableFuture.failedFuture(new IllegalStateException("solo engine stopped"));
        }
        TxResult check = app.checkTx(tx);
        if (!check.ok()) {
            return CompletableFuture.completedFuture(check);
        }
        if (!pendingHashes.add(check.txHash())) {
            return CompletableFuture.completedFuture(
                    new TxResult(check.txHash(), DUPLICATE, "tx already in the mempool", 0));
        }
        Pending p = new Pending(tx, check.txHash(), new CompletableFuture<>());
        if (!mempool.offer(p)) {
            pendingHashes.remove(check.txHash());
            return CompletableFuture.completedFuture(
                    new TxResult(check.txHash(), MEMPOOL_FULL, "mempool full, retry later", 0));
        }
        return p.future;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (running) {
            try {
                Pending first = mempool.poll(emptyBlockIntervalMs > 0 ? Math.min(50, emptyBlockIntervalMs) : 200,
                        TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (emptyBlockIntervalMs > 0 && running
                            && System.currentTimeMillis() - lastBlockAt >= emptyBlockIntervalMs) {
                        batch.clear();
                        produce(batch);
                    }
                    continue;
                }
                long wait;
                while (running && (wait = lastBlockAt + intervalMs - System.currentTimeMillis()) > 0) {
                    Thread.sleep(Math.min(wait, 50));
                }
                if (!running) {
                    fail(List.of(first), new IllegalStateException("solo engine stopped"));
                    break;
                }
                batch.clear();
                batch.add(first);
                mempool.drainTo(batch, maxBlockTxs - 1);
                produce(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                LOG.error("block production failed; the solo engine stops", e);
                running = false;
                fail(batch, e);
            }
        }
        List<Pending> rest = new ArrayList<>();
        mempool.drainTo(rest);
        fail(rest, new IllegalStateException("solo engine stopped"));
    }

    private void produce(List<Pending> batch) {
        long h = height + 1;
        long now = System.currentTimeMillis();
        long time = Math.max(now, lastTime + 1);
        List<byte[]> txs = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            txs.add(p.tx);
        }
        BlockOutcome out = app.finalizeBlock(h, time, txs);
        app.commit();
        height = h;
        lastTime = time;
        lastBlockAt = System.currentTimeMillis();
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            pendingHashes.remove(p.hash);
            p.future.complete(out.results().get(i));
        }
        List<BlockListener> ls = listeners.get();
        if (!ls.isEmpty()) {
            Optional<Block> b = query.block(h);
            for (BlockListener l : ls) {
                try {
                    b.ifPresent(l::blockFinalized);
                } catch (RuntimeException e) {
                    LOG.warn("block listener {} failed", l, e);
                }
            }
        }
    }

    private void fail(List<Pending> ps, Exception e) {
        for (Pending p : ps) {
            pendingHashes.remove(p.hash);
            p.future.completeExceptionally(e);
        }
    }

    /** Stops producing; txs still pending complete exceptionally. Waits for the block in progress. */
    public void stop() {
        running = false;
        try {
            producer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
