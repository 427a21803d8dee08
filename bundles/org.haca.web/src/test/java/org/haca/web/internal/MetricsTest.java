package org.haca.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void writerEscapesLabelsAndFormatsNumbers() {
        PrometheusWriter w = new PrometheusWriter();
        w.header("x_total", "counter", "Things.");
        w.sample("x_total", new String[] {"name", "a\"b\\c\nd"}, 3);
        w.sample("y", 0.25);
        assertEquals("# HELP x_total Things.\n# TYPE x_total counter\nx_total{name=\"a\\\"b\\\\c\\nd\"} 3\ny 0.25\n",
                w.toString());
    }

    @Test
    void servletRendersRequestCountsAndJvmFigures() {
        MetricsServlet servlet = new MetricsServlet();
        servlet.apiMetrics = new ApiMetrics();
        servlet.apiMetrics.record("node", "GET", 200, 2_000_000);
        servlet.apiMetrics.record("node", "GET", 200, 3_000_000);
        servlet.apiMetrics.record("models", "POST", 413, 1_000_000);
        String text = servlet.render();
        assertTrue(text.contains("haca_http_requests_total{resource=\"node\",method=\"GET\",status=\"200\"} 2\n"), text);
        assertTrue(text.contains("haca_http_requests_total{resource=\"models\",method=\"POST\",status=\"413\"} 1\n"),
                text);
        assertTrue(text.contains("haca_http_request_seconds_total{resource=\"node\",method=\"GET\",status=\"200\"} 0.005\n"),
                text);
        assertTrue(text.contains("# TYPE jvm_memory_used_bytes gauge"), text);
        assertTrue(text.contains("process_uptime_seconds "), text);
    }

    @Test
    void verificationMonitorFigures() {
        MetricsServlet servlet = new MetricsServlet();
        servlet.apiMetrics = new ApiMetrics();
        servlet.verification = new org.haca.api.chain.VerificationMonitor() {
            @Override
            public java.util.Optional<String> waitingReason(String requestId) {
                return java.util.Optional.empty();
            }

            @Override
            public Stats stats() {
                return new Stats(4, 1, 2, 9, 1500, java.util.Map.of("tee.simulated.v1", 8L),
                        java.util.Map.of("tee.simulated.v1", 1L));
            }
        };
        String text = servlet.render();
        assertTrue(text.contains("haca_verification_queue_depth 4\n"), text);
        assertTrue(text.contains("haca_verification_latency_seconds_mean 0.0015\n"), text);
        assertTrue(text.contains("haca_verdicts_total{scheme=\"tee.simulated.v1\",valid=\"true\"} 8\n"), text);
        assertTrue(text.contains("haca_verdicts_total{scheme=\"tee.simulated.v1\",valid=\"false\"} 1\n"), text);
    }
}
