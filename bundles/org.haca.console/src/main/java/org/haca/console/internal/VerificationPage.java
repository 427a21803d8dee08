package org.haca.console.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.haca.api.chain.VerificationMonitor;
import org.haca.api.economics.InferenceRecord;
import org.haca.api.economics.Ledger;
import org.haca.api.inference.InferenceResult;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;

/** Verification pipeline: queue, verdicts per scheme, latency, and the status of inferences run here. */
@Component(service = Servlet.class, property = {"felix.webconsole.label=haca-verification",
        "felix.webconsole.title=Verification", "felix.webconsole.category=" + HacaPage.CATEGORY})
public final class VerificationPage extends HacaPage {
    private static final long serialVersionUID = 1L;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile VerificationMonitor monitor;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Ledger ledger;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile History history;

    /** Row of the inference status table. */
    record Tracked(String requestId, String model, String mode, String status, String scheme, String reason) {
    }

    @Override
    String render(HttpServletRequest request) {
        VerificationMonitor m = monitor;
        Ledger l = ledger;
        List<Tracked> tracked = new ArrayList<>();
        String lookup = request.getParameter("requestId");
        List<String> ids = new ArrayList<>();
        if (lookup != null && !lookup.isBlank()) {
            ids.add(lookup.trim());
        }
        for (InferenceResult r : RecentInferences.list()) {
            if (!ids.contains(r.requestId())) {
                ids.add(r.requestId());
            }
        }
        for (String id : ids) {
            Optional<InferenceResult> local = RecentInferences.find(id);
            Optional<InferenceRecord> rec = l == null ? Optional.empty() : l.inference(id);
            Optional<String> waiting = m == null ? Optional.empty() : m.waitingReason(id);
            String status = rec.map(x -> x.status().name()).orElse(l == null ? "no ledger" : "unknown");
            String reason = rec.map(InferenceRecord::reason).filter(s -> !s.isBlank()).orElse(waiting.orElse(""));
            tracked.add(new Tracked(id, local.map(InferenceResult::modelId).orElse(""),
                    rec.map(InferenceRecord::mode).orElse(local.map(x -> x.mode().name()).orElse("")), status,
                    rec.map(InferenceRecord::scheme).orElse(""), reason));
        }
        History hist = history;
        return render(m == null ? null : m.stats(), tracked, lookup, hist == null ? List.of() : hist.samples());
    }

    static String render(VerificationMonitor.Stats stats, List<Tracked> tracked, String lookup,
            List<History.Sample> samples) {
        Html h = new Html();
        if (stats == null) {
            h.message("No verification pipeline runs on this node (no VerificationMonitor service); full and dev "
                    + "nodes verify proofs.", false);
        } else {
            Map<String, Object> kv = new LinkedHashMap<>();
            kv.put("Queue depth", stats.queueDepth());
            kv.put("In flight", stats.inFlight());
            kv.put("Waiting (challenge window / data)", stats.waiting());
            kv.put("Verified (total)", stats.verified());
            kv.put("Mean verification latency", String.format("%.3f ms", stats.meanLatencyMicros() / 1000.0));
            h.h2("Pipeline").keyValues("haca-verification-stats", kv);
            TreeSet<String> schemes = new TreeSet<>(stats.valid().keySet());
            schemes.addAll(stats.invalid().keySet());
            List<List<?>> rows = new ArrayList<>();
            Map<String, Long> chart = new LinkedHashMap<>();
            for (String s : schemes) {
                long v = stats.valid().getOrDefault(s, 0L);
                long x = stats.invalid().getOrDefault(s, 0L);
                rows.add(List.of(s, v, x));
                chart.put(s + " valid", v);
                chart.put(s + " invalid", x);
            }
            h.h2("Verdicts per scheme").table("haca-verdicts", List.of("Scheme", "Valid", "Invalid"), rows,
                    "No verdicts yet.");
            if (!chart.isEmpty()) {
                h.barChart("haca-verdict-chart", chart, "verdicts");
            }
        }
        if (stats != null) {
            List<Long> times = new ArrayList<>();
            Map<String, List<Long>> series = new LinkedHashMap<>();
            series.put("queue depth", new ArrayList<>());
            series.put("verified (total)", new ArrayList<>());
            series.put("mean latency (us)", new ArrayList<>());
            for (History.Sample s : samples) {
                times.add(s.epochMillis());
                series.get("queue depth").add(s.queueDepth());
                series.get("verified (total)").add(s.verified());
                series.get("mean latency (us)").add(s.meanLatencyMicros());
            }
            h.h2("Over time").lineChart("haca-verification-history", times, series,
                    "Collecting samples (one every few seconds)\u2026");
        }
        h.h2("Inference status");
        h.raw("<form method='get' style='margin-bottom:.5em'><label>Request id <input name='requestId' size='70' value='")
                .text(lookup == null ? "" : lookup).raw("'></label> <button type='submit'>Look up</button></form>");
        List<List<?>> rows = new ArrayList<>();
        for (Tracked t : tracked) {
            rows.add(List.of(t.requestId(), t.model(), t.mode(), t.status(), t.scheme(), t.reason()));
        }
        h.table("haca-tracked", List.of("Request", "Model", "Mode", "Status", "Scheme", "Reason"), rows,
                "No inference run from this console yet; look one up by request id.");
        return h.toString();
    }
}
