package org.haca.console.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.haca.api.economics.InferenceRecord;
import org.haca.api.economics.Ledger;
import org.haca.api.economics.Supply;
import org.haca.api.inference.InferenceResult;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;

/** Token economics: supply breakdown and the fees / burns of inferences run from this console. */
@Component(service = Servlet.class, property = {"felix.webconsole.label=haca-economics",
        "felix.webconsole.title=Economics", "felix.webconsole.category=" + HacaPage.CATEGORY})
public final class EconomicsPage extends HacaPage {
    private static final long serialVersionUID = 1L;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Ledger ledger;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile History history;

    @Override
    String render(HttpServletRequest request) {
        Ledger l = ledger;
        if (l == null) {
            return render(null, List.of(), List.of());
        }
        List<InferenceRecord> records = new ArrayList<>();
        for (InferenceResult r : RecentInferences.list()) {
            Optional<InferenceRecord> rec = l.inference(r.requestId());
            rec.ifPresent(records::add);
        }
        History hist = history;
        return render(l.supply(), records, hist == null ? List.of() : hist.samples());
    }

    static String render(Supply supply, List<InferenceRecord> records, List<History.Sample> samples) {
        Html h = new Html();
        if (supply == null) {
            return h.message("No ledger on this node (no Ledger service).", false).toString();
        }
        Map<String, Object> kv = new LinkedHashMap<>();
        kv.put("Total", supply.total());
        kv.put("Circulating", supply.circulating());
        kv.put("Staked", supply.staked());
        kv.put("Escrowed", supply.escrowed());
        kv.put("Burned", supply.burned());
        h.h2("Supply").keyValues("haca-supply", kv);
        Map<String, Long> chart = new LinkedHashMap<>();
        chart.put("circulating", supply.circulating());
        chart.put("staked", supply.staked());
        chart.put("escrowed", supply.escrowed());
        chart.put("burned", supply.burned());
        h.barChart("haca-supply-chart", chart, "tokens");
        List<Long> times = new ArrayList<>();
        Map<String, List<Long>> series = new LinkedHashMap<>();
        for (String k : List.of("burned", "escrowed", "staked")) {
            series.put(k, new ArrayList<>());
        }
        for (History.Sample s : samples) {
            times.add(s.epochMillis());
            series.get("burned").add(s.burned());
            series.get("escrowed").add(s.escrowed());
            series.get("staked").add(s.staked());
        }
        h.h2("Over time").lineChart("haca-supply-history", times, series,
                "Collecting samples (one every few seconds)\u2026");
        List<List<?>> rows = new ArrayList<>();
        long fees = 0;
        long paid = 0;
        long burned = 0;
        for (InferenceRecord r : records) {
            rows.add(List.of(r.requestId(), r.status().name(), r.mode() == null ? "" : r.mode(), r.fee(), r.paidToNode(),
                    r.burned(), r.submittedHeight(), r.settleHeight() <= 0 ? "" : r.settleHeight()));
            fees += r.fee();
            paid += r.paidToNode();
            burned += r.burned();
        }
        h.h2("Inferences run from this console");
        h.table("haca-fees", List.of("Request", "Status", "Mode", "Fee", "Paid to node", "Burned", "Submitted at",
                "Settled at"), rows, "No inference run from this console yet.");
        if (!records.isEmpty()) {
            h.raw("<p id='haca-fee-totals'>").text("Totals: fees " + fees + ", paid to inference nodes " + paid
                    + ", burned " + burned).raw("</p>");
        }
        return h.toString();
    }
}
