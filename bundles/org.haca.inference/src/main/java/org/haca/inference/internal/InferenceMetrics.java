package org.haca.inference.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.haca.api.metrics.LatencyHistogram;
import org.haca.api.metrics.MetricsSink;
import org.haca.api.metrics.MetricsSource;

/**
 * What the inference front door has done since start: requests by model, mode, backend and outcome, their latency,
 * and proof generation time by scheme. Updated lock-free on the request path; read on each scrape.
 */
final class InferenceMetrics implements MetricsSource {

    /** Outcome label: {@code ok}, or the lowercase {@code InferenceException.Kind}. */
    record Key(String model, String mode, String backend, String outcome) {
    }

    private final Map<Key, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<Key, LatencyHistogram> latency = new ConcurrentHashMap<>();
    private final Map<String, LatencyHistogram> proveTime = new ConcurrentHashMap<>();

    void request(Key key, long nanos) {
        requests.computeIfAbsent(key, k -> new LongAdder()).increment();
        latency.computeIfAbsent(key, k -> new LatencyHistogram()).record(nanos);
    }

    void proof(String scheme, long nanos) {
        proveTime.computeIfAbsent(scheme, k -> new LatencyHistogram()).record(nanos);
    }

    long requests(Key key) {
        LongAdder n = requests.get(key);
        return n == null ? 0 : n.sum();
    }

    @Override
    public void collect(MetricsSink sink) {
        requests.forEach((k, n) -> sink.counter("haca_inference_requests_total",
                "Inference requests by model, mode, backend and outcome.", labels(k), n.sum()));
        latency.forEach((k, h) -> sink.histogram("haca_inference_seconds",
                "End-to-end inference latency (validation, backend, hashing, proof, tx submission).", labels(k),
                h.snapshot()));
        proveTime.forEach((scheme, h) -> sink.histogram("haca_proof_generation_seconds",
                "Time to produce one proof, by scheme.", Map.of("scheme", scheme), h.snapshot()));
    }

    private static Map<String, String> labels(Key k) {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("model", k.model());
        l.put("mode", k.mode());
        l.put("backend", k.backend());
        l.put("outcome", k.outcome());
        return l;
    }
}
