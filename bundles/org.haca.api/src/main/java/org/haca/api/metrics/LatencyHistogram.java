package org.haca.api.metrics;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * A fixed-bucket latency histogram, safe to update from many threads without locks. The buckets (1 ms … 60 s) span
 * a fast inference to a large ZK proof, so every haca latency shares them and dashboards can compare series.
 */
public final class LatencyHistogram {

    /** Upper bounds in seconds; an implicit +Inf bucket follows. */
    public static final double[] BOUNDS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
            30, 60};

    private final AtomicLongArray buckets = new AtomicLongArray(BOUNDS.length + 1);
    private final LongAdder sumNanos = new LongAdder();

    public void record(long nanos) {
        double seconds = Math.max(0, nanos) / 1e9;
        int i = 0;
        while (i < BOUNDS.length && seconds > BOUNDS[i]) {
            i++;
        }
        buckets.incrementAndGet(i);
        sumNanos.add(Math.max(0, nanos));
    }

    /** A consistent-enough copy for one scrape: cumulative counts per bound (last = +Inf = count). */
    public Snapshot snapshot() {
        long[] cumulative = new long[BOUNDS.length + 1];
        long running = 0;
        for (int i = 0; i < cumulative.length; i++) {
            running += buckets.get(i);
            cumulative[i] = running;
        }
        return new Snapshot(cumulative, sumNanos.sum() / 1e9);
    }

    /**
     * @param cumulative count of observations ≤ {@code BOUNDS[i]}; the last element counts all observations
     * @param sumSeconds total of all observations
     */
    public record Snapshot(long[] cumulative, double sumSeconds) {
        public Snapshot {
            cumulative = cumulative.clone();
        }

        public long count() {
            return cumulative[cumulative.length - 1];
        }

        @Override
        public long[] cumulative() {
            return cumulative.clone();
        }
    }
}
