package org.haca.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.haca.api.metrics.LatencyHistogram;
import org.junit.jupiter.api.Test;

class MetricFamiliesTest {

    private static String render(MetricFamilies f) {
        PrometheusWriter w = new PrometheusWriter();
        f.writeTo(w);
        return w.toString();
    }

    @Test
    void samplesOfOneFamilyAreGroupedUnderOneHeaderWhateverTheWriteOrder() {
        MetricFamilies f = new MetricFamilies();
        f.counter("a_total", "A.", Map.of("k", "1"), 1);
        f.gauge("b", "B.", Map.of(), 2.5);
        f.counter("a_total", "ignored help", Map.of("k", "2"), 3);
        assertEquals("""
                # HELP a_total A.
                # TYPE a_total counter
                a_total{k="1"} 1
                a_total{k="2"} 3
                # HELP b B.
                # TYPE b gauge
                b 2.5
                """, render(f));
    }

    @Test
    void histogramsHaveCumulativeBucketsSumAndCount() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(500_000); // 0.5 ms -> first bucket
        h.record(20_000_000); // 20 ms -> le=0.025
        h.record(120_000_000_000L); // 120 s -> +Inf only
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("scheme", "zk.groth16.bn254.v1");
        MetricFamilies f = new MetricFamilies();
        f.histogram("p_seconds", "P.", labels, h.snapshot());
        String text = render(f);
        assertTrue(text.contains("# TYPE p_seconds histogram\n"), text);
        assertTrue(text.contains("p_seconds_bucket{scheme=\"zk.groth16.bn254.v1\",le=\"0.001\"} 1\n"), text);
        assertTrue(text.contains("p_seconds_bucket{scheme=\"zk.groth16.bn254.v1\",le=\"0.01\"} 1\n"), text);
        assertTrue(text.contains("p_seconds_bucket{scheme=\"zk.groth16.bn254.v1\",le=\"0.025\"} 2\n"), text);
        assertTrue(text.contains("p_seconds_bucket{scheme=\"zk.groth16.bn254.v1\",le=\"60.0\"} 2\n"), text);
        assertTrue(text.contains("p_seconds_bucket{scheme=\"zk.groth16.bn254.v1\",le=\"+Inf\"} 3\n"), text);
        assertTrue(text.contains("p_seconds_count{scheme=\"zk.groth16.bn254.v1\"} 3\n"), text);
        assertTrue(text.contains("p_seconds_sum{scheme=\"zk.groth16.bn254.v1\"} 120.0205\n"), text);
    }

    @Test
    void invalidNamesAndTypeConflictsAreDroppedNotEmitted() {
        MetricFamilies f = new MetricFamilies();
        f.counter("bad name", "x", Map.of(), 1);
        f.counter("c_total", "C.", Map.of("bad-label", "v", "ok", "q\"uote"), 1);
        f.gauge("c_total", "C as gauge", Map.of(), 7);
        String text = render(f);
        assertFalse(text.contains("bad name"), text);
        assertFalse(text.contains("bad-label"), text);
        assertFalse(text.contains(" 7\n"), "the conflicting gauge sample is dropped: " + text);
        assertTrue(text.contains("c_total{ok=\"q\\\"uote\"} 1\n"), text);
    }
}
