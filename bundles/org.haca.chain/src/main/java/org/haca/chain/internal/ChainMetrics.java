package org.haca.chain.internal;

import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import org.haca.api.metrics.MetricsSink;
import org.haca.api.metrics.MetricsSource;

/**
 * Counters over committed blocks since this process started: blocks, txs by result, tokens paid to inference nodes
 * and tokens burned. Counted at commit, so a block that is executed but never committed counts nothing.
 */
final class ChainMetrics implements MetricsSource {
    private final LongAdder blocks = new LongAdder();
    private final LongAdder txsOk = new LongAdder();
    private final LongAdder txsRejected = new LongAdder();
    private final LongAdder paid = new LongAdder();
    private final LongAdder burned = new LongAdder();
    private volatile long lastBlockBurned;

    void committed(int ok, int rejected, long paidTokens, long burnedTokens) {
        blocks.increment();
        txsOk.add(ok);
        txsRejected.add(rejected);
        paid.add(paidTokens);
        burned.add(burnedTokens);
        lastBlockBurned = burnedTokens;
    }

    long blocks() {
        return blocks.sum();
    }

    long paid() {
        return paid.sum();
    }

    long burned() {
        return burned.sum();
    }

    @Override
    public void collect(MetricsSink sink) {
        sink.counter("haca_chain_blocks_total", "Blocks committed since start.", Map.of(), blocks.sum());
        sink.counter("haca_chain_txs_total", "Transactions in committed blocks by result.", Map.of("result", "ok"),
                txsOk.sum());
        sink.counter("haca_chain_txs_total", "Transactions in committed blocks by result.",
                Map.of("result", "rejected"), txsRejected.sum());
        sink.counter("haca_fees_paid_tokens_total", "Fees paid out to inference nodes since start (base units).",
                Map.of(), paid.sum());
        sink.counter("haca_burned_tokens_total",
                "Tokens burned by settlements and slashes since start (base units).", Map.of(), burned.sum());
        sink.gauge("haca_last_block_burned_tokens", "Tokens burned by the last committed block.", Map.of(),
                lastBlockBurned);
    }
}
