package org.haca.verifier.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

import org.haca.api.chain.ResultSubmission;
import org.haca.api.proof.ProofSystem;
import org.haca.api.proof.VerificationContext;
import org.haca.api.proof.Verdict;

/**
 * Verifies result submissions off the consensus thread. {@link #offer} only enqueues (never blocks, never throws); a
 * dispatcher thread feeds a fixed worker pool through a bounded queue and blocks when it is full (back-pressure lands
 * on the dispatcher, never on consensus or inference). Each verdict goes to {@code verdicts}. A submission whose scheme
 * has no ProofSystem, or whose proof is only a hash, stays pending with a visible reason; a late-registered ProofSystem
 * picks up the waiting ones ({@link #schemeAvailable}).
 *
 * <p>Verification time is the block time of the block that included the submission, so every node judges it alike.
 */
public final class VerificationPipeline {

    /** Why a submission is still waiting. */
    public record Waiting(ResultSubmission submission, long blockTime, String reason) {
    }

    public record Outcome(ResultSubmission submission, Verdict verdict, long micros) {
    }

    private record Job(ResultSubmission submission, long blockTime) {
    }

    private final Function<String, ProofSystem> lookup;
    private final Consumer<Outcome> verdicts;
    private final BlockingQueue<Job> intake;
    private final ThreadPoolExecutor workers;
    private final Thread dispatcher;
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> validCount = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> invalidCount = new ConcurrentHashMap<>();
    private final AtomicLong totalMicros = new AtomicLong();
    private final AtomicLong verified = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean running = true;

    public VerificationPipeline(Function<String, ProofSystem> lookup, Consumer<Outcome> verdicts, int threads,
            int queueCapacity, int intakeCapacity) {
        this.lookup = lookup;
        this.verdicts = verdicts;
        this.intake = new ArrayBlockingQueue<>(intakeCapacity);
        this.workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueCapacity), r -> {
                    Thread t = new Thread(r, "haca-verifier");
                    t.setDaemon(true);
                    return t;
                }, (r, ex) -> {
                    // bounded queue full: the dispatcher waits (back-pressure) instead of dropping
                    try {
                        if (!ex.isShutdown()) {
                            ex.getQueue().put(r);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        this.dispatcher = new Thread(this::dispatch, "haca-verifier-dispatch");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    /** Enqueues the proof-carrying submissions of a block; VANILLA results are not verified (challenge window). */
    public void offer(List<ResultSubmission> submissions, long blockTime) {
        for (ResultSubmission s : submissions) {
            if ("VANILLA".equals(s.mode())) {
                continue;
            }
            if (!intake.offer(new Job(s, blockTime))) {
                dropped.incrementAndGet();
                waiting.put(s.requestId(), new Waiting(s, blockTime, "verifier intake full; not verified by this node"));
            }
        }
    }

    private void dispatch() {
        while (running) {
            try {
                Job j = intake.poll(200, TimeUnit.MILLISECONDS);
                if (j != null) {
                    route(j);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void route(Job j) {
        ResultSubmission s = j.submission;
        if (s.proof() == null) {
            waiting.put(s.requestId(), new Waiting(s, j.blockTime,
                    "only the proof hash " + s.proofHash() + " is on chain; the proof itself is not available"));
            return;
        }
        ProofSystem ps = lookup.apply(s.scheme());
        if (ps == null) {
            waiting.put(s.requestId(),
                    new Waiting(s, j.blockTime, "no ProofSystem registered for scheme '" + s.scheme() + "'"));
            return;
        }
        waiting.remove(s.requestId());
        workers.execute(() -> verify(ps, j));
    }

    private void verify(ProofSystem ps, Job j) {
        long t0 = System.nanoTime();
        Verdict v;
        try {
            v = ps.verify(j.submission.proof(), j.submission.statement(),
                    new VerificationContext(Instant.ofEpochMilli(j.blockTime)));
            if (v == null) {
                v = Verdict.invalid("proof system returned no verdict", List.of());
            }
        } catch (RuntimeException e) {
            // the SPI forbids throwing; a throwing verifier is a broken plugin, not an invalid proof
            waiting.put(j.submission.requestId(), new Waiting(j.submission, j.blockTime,
                    "ProofSystem for '" + j.submission.scheme() + "' failed: " + e));
            return;
        }
        long micros = (System.nanoTime() - t0) / 1000;
        totalMicros.addAndGet(micros);
        verified.incrementAndGet();
        (v.valid() ? validCount : invalidCount).computeIfAbsent(j.submission.scheme(), k -> new AtomicLong())
                .incrementAndGet();
        verdicts.accept(new Outcome(j.submission, v, micros));
    }

    /** Re-routes submissions that waited for this scheme. */
    public void schemeAvailable(String scheme) {
        List<Waiting> again = new ArrayList<>();
        waiting.values().forEach(w -> {
            if (w.submission().scheme().equals(scheme) && w.submission().proof() != null) {
                again.add(w);
            }
        });
        for (Waiting w : again) {
            waiting.remove(w.submission().requestId());
            if (!intake.offer(new Job(w.submission(), w.blockTime()))) {
                waiting.put(w.submission().requestId(), w);
            }
        }
    }

    public Map<String, Waiting> waiting() {
        return Map.copyOf(waiting);
    }

    public org.haca.api.chain.VerificationMonitor.Stats stats() {
        Map<String, Long> valid = new java.util.TreeMap<>();
        validCount.forEach((k, v) -> valid.put(k, v.get()));
        Map<String, Long> invalid = new java.util.TreeMap<>();
        invalidCount.forEach((k, v) -> invalid.put(k, v.get()));
        long n = verified.get();
        return new org.haca.api.chain.VerificationMonitor.Stats(intake.size() + workers.getQueue().size(),
                workers.getActiveCount(), waiting.size(), n, n == 0 ? 0 : totalMicros.get() / n, valid, invalid);
    }

    /** Metrics: queue depth (intake + worker queue), verdicts per scheme, mean latency. */
    public Map<String, Object> metrics() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("queue_depth", intake.size() + workers.getQueue().size());
        m.put("in_flight", workers.getActiveCount());
        m.put("waiting", waiting.size());
        m.put("verified", verified.get());
        m.put("dropped", dropped.get());
        m.put("mean_latency_us", verified.get() == 0 ? 0 : totalMicros.get() / verified.get());
        Map<String, Long> valid = new java.util.TreeMap<>();
        validCount.forEach((k, v) -> valid.put(k, v.get()));
        Map<String, Long> invalid = new java.util.TreeMap<>();
        invalidCount.forEach((k, v) -> invalid.put(k, v.get()));
        m.put("valid", valid);
        m.put("invalid", invalid);
        return m;
    }

    /** Stops taking work; in-flight verifications finish (up to 10 s). */
    public void stop() {
        running = false;
        dispatcher.interrupt();
        workers.shutdown();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
