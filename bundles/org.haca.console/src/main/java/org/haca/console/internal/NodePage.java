package org.haca.console.internal;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.haca.api.chain.ConsensusEngine;
import org.haca.api.economics.Ledger;
import org.haca.api.inference.InferenceService;
import org.haca.api.model.ModelRegistry;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;

/** Node overview: identity, uptime, consensus, bundles, health. */
@Component(service = Servlet.class, property = {"felix.webconsole.label=haca-node",
        "felix.webconsole.title=Node", "felix.webconsole.category=" + HacaPage.CATEGORY})
public final class NodePage extends HacaPage {
    private static final long serialVersionUID = 1L;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ConsensusEngine consensus;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ModelRegistry registry;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile InferenceService inference;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Ledger ledger;

    private final transient BundleContext context;

    @Activate
    public NodePage(BundleContext context) {
        this.context = context;
    }

    /** One health check line. */
    record Check(String name, boolean ok, String detail) {
    }

    @Override
    String render(HttpServletRequest request) {
        Map<String, Object> identity = new LinkedHashMap<>();
        String role = orElse(context.getProperty("haca.role"), "unknown");
        identity.put("Role", role);
        identity.put("Network id", orElse(context.getProperty("haca.network.id"), "haca-dev"));
        identity.put("Version", orElse(context.getProperty("haca.version"), context.getBundle().getVersion().toString()));
        identity.put("Dev mode", Boolean.parseBoolean(context.getProperty("haca.dev")));
        long start = ManagementFactory.getRuntimeMXBean().getStartTime();
        identity.put("Started", Instant.ofEpochMilli(start).toString());
        identity.put("Uptime", formatUptime(Duration.ofMillis(System.currentTimeMillis() - start)));
        ConsensusEngine engine = consensus;
        identity.put("Consensus engine", engine == null ? "none" : engine.engineId());
        identity.put("Chain height", engine == null ? "-" : engine.height());

        Map<String, Long> byState = new TreeMap<>();
        List<String> notActive = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            String state = stateName(b.getState());
            byState.merge(state, 1L, Long::sum);
            boolean fragment = b.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
            if (b.getState() != Bundle.ACTIVE && !fragment) {
                notActive.add(b.getSymbolicName() + " " + b.getVersion() + " (" + state + ")");
            }
        }
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("bundles active", notActive.isEmpty(),
                notActive.isEmpty() ? "all " + context.getBundles().length + " bundles active" : String.join(", ", notActive)));
        checks.add(new Check("consensus engine", engine != null, engine == null ? "no ConsensusEngine service" : engine.engineId()));
        checks.add(new Check("ledger", ledger != null, ledger == null ? "no Ledger service" : "available"));
        boolean inferenceRole = !role.equals("full-node");
        if (inferenceRole) {
            checks.add(new Check("model registry", registry != null, registry == null ? "no ModelRegistry service" : "available"));
            checks.add(new Check("inference service", inference != null, inference == null ? "no InferenceService" : "available"));
        }
        return render(identity, byState, checks);
    }

    static String render(Map<String, Object> identity, Map<String, Long> bundlesByState, List<Check> checks) {
        Html h = new Html();
        boolean healthy = checks.stream().allMatch(Check::ok);
        h.raw("<p id='haca-health' style='font-size:1.2em'>Health: <b style='color:" + (healthy ? "#2e7d32" : "#c62828")
                + "'>").text(healthy ? "OK" : "DEGRADED").raw("</b></p>");
        h.h2("Node").keyValues("haca-node", identity);
        h.h2("Bundles").keyValues("haca-bundles", bundlesByState);
        List<List<?>> rows = new ArrayList<>();
        for (Check c : checks) {
            rows.add(List.of(c.name(), c.ok() ? "OK" : "FAIL", c.detail()));
        }
        h.h2("Health checks").table("haca-checks", List.of("Check", "Status", "Detail"), rows, "No checks.");
        return h.toString();
    }

    static String formatUptime(Duration d) {
        long s = d.toSeconds();
        return String.format("%dd %02dh %02dm %02ds", s / 86400, s / 3600 % 24, s / 60 % 60, s % 60);
    }

    static String stateName(int state) {
        return switch (state) {
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNKNOWN";
        };
    }

    private static String orElse(String v, String fallback) {
        return v == null || v.isBlank() ? fallback : v;
    }
}
