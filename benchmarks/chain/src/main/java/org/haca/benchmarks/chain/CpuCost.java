package org.haca.benchmarks.chain;

import java.lang.management.ManagementFactory;

/**
 * CPU cost per signed tx and per batch-settled result on the same setup as {@link ChainBenchmarks}, measured as process
 * CPU time (all threads) over wall time. On a shared machine wall-clock throughput understates what the code does on
 * dedicated cores; CPU time per op does not: {@code ops/s on n free cores <= n * 1e6 / cpuMicrosPerOp}.
 *
 * <p>Run: {@code java -cp benchmarks/chain/target/benchmarks.jar org.haca.benchmarks.chain.CpuCost}
 */
public final class CpuCost {
    public static void main(String[] args) throws Exception {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean();
        ChainBenchmarks b = new ChainBenchmarks();
        b.setup();
        for (int warm = 0; warm < 4; warm++) {
            b.signedTransfersThroughSolo();
            b.resultsThroughBatchSettle();
        }
        int rounds = 8;
        long cpu0 = os.getProcessCpuTime(), t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            b.signedTransfersThroughSolo();
        }
        long cpu1 = os.getProcessCpuTime(), t1 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            b.resultsThroughBatchSettle();
        }
        long cpu2 = os.getProcessCpuTime(), t2 = System.nanoTime();
        double txs = (double) rounds * ChainBenchmarks.CHUNK;
        double results = (double) rounds * ChainBenchmarks.BATCHERS * ChainBenchmarks.LEAVES;
        System.out.printf("signed transfers: %.0f tx/s wall, %.1f us CPU per tx (=> <= %.0f tx/s on 2 free cores)%n",
                txs / ((t1 - t0) / 1e9), (cpu1 - cpu0) / 1e3 / txs, 2e6 / ((cpu1 - cpu0) / 1e3 / txs));
        System.out.printf("batch settle:     %.0f results/s wall, %.3f us CPU per result (=> <= %.0f results/s on 2 free cores)%n",
                results / ((t2 - t1) / 1e9), (cpu2 - cpu1) / 1e3 / results, 2e6 / ((cpu2 - cpu1) / 1e3 / results));
        System.out.printf("load average during the run: %.2f on %d cores%n", os.getSystemLoadAverage(),
                os.getAvailableProcessors());
        b.tearDown();
    }
}
