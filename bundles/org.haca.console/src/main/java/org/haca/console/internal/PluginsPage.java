package org.haca.console.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.haca.api.chain.ConsensusEngine;
import org.haca.api.inference.ModelBackend;
import org.haca.api.proof.ProofSystem;
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

/** Installed plugins: model backends, proof systems, consensus engines, with their bundles and rankings. */
@Component(service = Servlet.class, property = {"felix.webconsole.label=haca-plugins",
        "felix.webconsole.title=Plugins", "felix.webconsole.category=" + HacaPage.CATEGORY})
public final class PluginsPage extends HacaPage {
    private static final long serialVersionUID = 1L;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<Map.Entry<Map<String, Object>, ModelBackend>> backends;
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<Map.Entry<Map<String, Object>, ProofSystem>> proofSystems;
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<Map.Entry<Map<String, Object>, ConsensusEngine>> engines;

    private final transient BundleContext context;

    @Activate
    public PluginsPage(BundleContext context) {
        this.context = context;
    }

    /** One plugin service row. */
    record Plugin(String id, String detail, String bundle, int ranking) {
    }

    @Override
    String render(HttpServletRequest request) {
        return render(collect(backends, b -> b.id(), b -> b.deterministic() ? "deterministic" : "float"),
                collect(proofSystems, p -> p.schemeId(), p -> p.canProve() ? "prove + verify" : "verify only"),
                collect(engines, e -> e.engineId(), e -> "height " + e.height()));
    }

    private <T> List<Plugin> collect(List<Map.Entry<Map<String, Object>, T>> services, Function<T, String> id,
            Function<T, String> detail) {
        List<Plugin> out = new ArrayList<>();
        for (Map.Entry<Map<String, Object>, T> e : services == null ? List.<Map.Entry<Map<String, Object>, T>>of()
                : List.copyOf(services)) {
            Map<String, Object> props = e.getKey();
            Object bid = props.get(Constants.SERVICE_BUNDLEID);
            Bundle b = bid instanceof Long l ? context.getBundle(l) : null;
            Object r = props.get(Constants.SERVICE_RANKING);
            String bundle = b == null ? "?" : b.getSymbolicName() + " " + b.getVersion() + " [" + b.getBundleId() + "]";
            String ident;
            String det;
            try {
                ident = id.apply(e.getValue());
                det = detail.apply(e.getValue());
            } catch (RuntimeException ex) {
                ident = "?";
                det = "error: " + ex.getMessage();
            }
            out.add(new Plugin(ident, det, bundle, r instanceof Integer i ? i : 0));
        }
        out.sort(Comparator.comparing(Plugin::id).thenComparing(Comparator.comparingInt(Plugin::ranking).reversed()));
        return out;
    }

    static String render(List<Plugin> backends, List<Plugin> proofs, List<Plugin> engines) {
        Html h = new Html();
        h.raw("<p>Plugins are OSGi services; a new implementation is hot-swapped by installing its bundle (higher "
                + "service.ranking or same id) and removing the old one in the <a href='bundles'>Bundles</a> page.</p>");
        section(h, "Model backends", "haca-backends", "Backend", backends, "No model backend installed.");
        section(h, "Proof systems", "haca-proofs", "Scheme", proofs, "No proof system installed.");
        section(h, "Consensus engines", "haca-engines", "Engine", engines, "No consensus engine installed.");
        return h.toString();
    }

    private static void section(Html h, String title, String id, String idHeader, List<Plugin> plugins, String empty) {
        List<List<?>> rows = new ArrayList<>();
        for (Plugin p : plugins) {
            rows.add(List.of(p.id(), p.detail(), p.bundle(), p.ranking()));
        }
        h.h2(title).table(id, List.of(idHeader, "Capability", "Bundle", "Ranking"), rows, empty);
    }
}
