package org.haca.web.internal;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.haca.api.chain.ConsensusEngine;
import org.haca.api.chain.VerificationMonitor;
import org.haca.api.economics.Ledger;
import org.haca.api.economics.Supply;
import org.haca.api.metrics.MetricsSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /metrics} in Prometheus text format: REST traffic, the node's bundles, consensus height and token supply
 * when those services are present, whatever the node's {@link MetricsSource}s contribute (inference latency by
 * model/mode/backend, proof generation time, blocks, txs, fees paid, burns), and JVM figures. Unauthenticated, like most Prometheus targets: it exposes
 * counts, never keys or payloads.
 */
@Component(service = Servlet.class, property = {"osgi.http.whiteboard.servlet.pattern=/metrics",
        "osgi.http.whiteboard.servlet.name=haca-metrics"})
public final class MetricsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Reference
    ApiMetrics apiMetrics;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ConsensusEngine consensus;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Ledger ledger;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile VerificationMonitor verification;

    /** What other bundles contribute (inference, chain, proof systems ...), see {@link MetricsSource}. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<MetricsSource> sources;

    private transient BundleContext context;

    @Activate
    void activate(BundleContext ctx) {
        this.context = ctx;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        byte[] body = render().getBytes(StandardCharsets.UTF_8);
        resp.setContentType(PrometheusWriter.CONTENT_TYPE);
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    String render() {
        PrometheusWriter out = new PrometheusWriter();
        apiMetrics.writeTo(out);
        writeBundles(out);
        ConsensusEngine engine = consensus;
        if (engine != null) {
            out.header("haca_chain_height", "gauge", "Height of the last finalized block.");
            out.sample("haca_chain_height", new String[] {"engine", engine.engineId()}, engine.height());
        }
        Ledger l = ledger;
        if (l != null) {
            Supply s = l.supply();
            out.header("haca_supply_tokens", "gauge", "Token supply breakdown in base units.");
            for (Map.Entry<String, Long> e : Map.of("total", s.total(), "circulating", s.circulating(), "staked",
                    s.staked(), "escrowed", s.escrowed(), "burned", s.burned()).entrySet()) {
                out.sample("haca_supply_tokens", new String[] {"kind", e.getKey()}, e.getValue());
            }
        }
        VerificationMonitor monitor = verification;
        if (monitor != null) {
            writeVerification(out, monitor.stats());
        }
        collectSources(out);
        writeJvm(out);
        return out.toString();
    }

    private void collectSources(PrometheusWriter out) {
        List<MetricsSource> list = sources;
        if (list == null) {
            return;
        }
        MetricFamilies families = new MetricFamilies();
        for (MetricsSource source : List.copyOf(list)) {
            try {
                source.collect(families);
            } catch (RuntimeException e) {
                // one broken contributor must not take the whole scrape down; its samples are simply missing
            }
        }
        families.writeTo(out);
    }

    private void writeBundles(PrometheusWriter out) {
        if (context == null) {
            return;
        }
        Map<String, Integer> byState = new TreeMap<>();
        for (Bundle b : context.getBundles()) {
            byState.merge(NodeInfo.stateName(b.getState()), 1, Integer::sum);
        }
        out.header("haca_bundles", "gauge", "Installed bundles by state.");
        byState.forEach((state, n) -> out.sample("haca_bundles", new String[] {"state", state}, n));
    }

    static void writeVerification(PrometheusWriter out, VerificationMonitor.Stats s) {
        out.header("haca_verification_queue_depth", "gauge", "Proofs waiting in the verification queue.");
        out.sample("haca_verification_queue_depth", s.queueDepth());
        out.header("haca_verification_in_flight", "gauge", "Proofs being verified now.");
        out.sample("haca_verification_in_flight", s.inFlight());
        out.header("haca_verification_waiting", "gauge",
                "Results waiting for their challenge window or data before a verdict.");
        out.sample("haca_verification_waiting", s.waiting());
        out.header("haca_verifications_total", "counter", "Proofs verified since start.");
        out.sample("haca_verifications_total", s.verified());
        out.header("haca_verification_latency_seconds_mean", "gauge", "Mean verification latency.");
        out.sample("haca_verification_latency_seconds_mean", s.meanLatencyMicros() / 1e6);
        out.header("haca_verdicts_total", "counter", "Verdicts by proof scheme and outcome.");
        new TreeMap<>(s.valid()).forEach((scheme, n) -> out.sample("haca_verdicts_total",
                new String[] {"scheme", scheme, "valid", "true"}, n));
        new TreeMap<>(s.invalid()).forEach((scheme, n) -> out.sample("haca_verdicts_total",
                new String[] {"scheme", scheme, "valid", "false"}, n));
    }

    private static void writeJvm(PrometheusWriter out) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        out.header("jvm_memory_used_bytes", "gauge", "Used JVM memory by area.");
        out.sample("jvm_memory_used_bytes", new String[] {"area", "heap"}, memory.getHeapMemoryUsage().getUsed());
        out.sample("jvm_memory_used_bytes", new String[] {"area", "nonheap"}, memory.getNonHeapMemoryUsage().getUsed());
        out.header("jvm_threads_live", "gauge", "Live JVM threads.");
        out.sample("jvm_threads_live", ManagementFactory.getThreadMXBean().getThreadCount());
        out.header("jvm_gc_collection_seconds_total", "counter", "Time spent in garbage collection by collector.");
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            out.sample("jvm_gc_collection_seconds_total", new String[] {"gc", gc.getName()}, gc.getCollectionTime() / 1e3);
        }
        out.header("process_uptime_seconds", "gauge", "Seconds since the JVM started.");
        out.sample("process_uptime_seconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
    }
}
