package org.haca.console.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.haca.api.chain.ConsensusEngine;
import org.haca.api.inference.ModelBackend;
import org.haca.api.proof.ProofSystem;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile History history;

    static final int MAX_PLUGIN_BYTES = 64 << 20;

    private final transient BundleContext context;

    @Activate
    public PluginsPage(BundleContext context) {
        this.context = context;
    }

    /** One plugin service row. */
    record Plugin(String id, String detail, String bundle, int ranking, long bundleId, String state) {
        Plugin(String id, String detail, String bundle, int ranking) {
            this(id, detail, bundle, ranking, -1, "");
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String action = String.valueOf(request.getParameter("action"));
        String query;
        try {
            query = switch (action) {
                case "upload" -> upload(request);
                case "stop", "start", "uninstall" -> lifecycle(action, request.getParameter("bundle"));
                default -> "error=" + enc("unknown action " + action);
            };
        } catch (BundleException | IllegalArgumentException e) {
            query = "error=" + enc(action + " failed: " + e.getMessage());
        }
        redirect(request, response, query);
    }

    /** Why an upload is refused on this node, or null when uploads are allowed (dev mode only). */
    static String uploadRefusal(String devProperty) {
        return Boolean.parseBoolean(devProperty) ? null
                : "uploads are disabled outside dev mode: put a signed jar into the plugins folder; nothing installed";
    }

    private String upload(HttpServletRequest request) throws IOException, BundleException {
        // Outside dev mode plugins must pass the launcher's signature gate (plugins/ + trust store); an upload here
        // would bypass it, so production nodes refuse it instead of installing unverified code.
        String refusal = uploadRefusal(context.getProperty("haca.dev"));
        if (refusal != null) {
            return "error=" + enc(refusal);
        }
        if (request.getContentLengthLong() > MAX_PLUGIN_BYTES) {
            return "error=" + enc("plugin larger than " + MAX_PLUGIN_BYTES + " bytes; nothing installed");
        }
        byte[] jar;
        try (InputStream in = request.getInputStream()) {
            jar = in.readNBytes(MAX_PLUGIN_BYTES + 1);
        }
        if (jar.length > MAX_PLUGIN_BYTES) {
            return "error=" + enc("plugin larger than " + MAX_PLUGIN_BYTES + " bytes; nothing installed");
        }
        String bsn = bundleSymbolicName(jar);
        Bundle existing = null;
        for (Bundle b : context.getBundles()) {
            if (bsn.equals(b.getSymbolicName()) && b.getBundleId() != 0) {
                existing = b;
            }
        }
        if (existing != null) {
            if (existing.getBundleId() == context.getBundle().getBundleId()) {
                throw new IllegalArgumentException("the console cannot update itself from its own page");
            }
            String before = existing.getVersion().toString();
            existing.update(new ByteArrayInputStream(jar));
            return "msg=" + enc("updated " + bsn + " " + before + " \u2192 " + existing.getVersion());
        }
        Bundle b = context.installBundle("console:" + bsn, new ByteArrayInputStream(jar));
        try {
            b.start();
        } catch (BundleException e) {
            b.uninstall();
            throw new IllegalArgumentException(bsn + " does not start (" + e.getMessage() + "); nothing installed");
        }
        return "msg=" + enc("installed and started " + bsn + " " + b.getVersion() + " [" + b.getBundleId() + "]");
    }

    /** The jar's Bundle-SymbolicName; anything but a valid OSGi R4+ bundle jar is refused. */
    static String bundleSymbolicName(byte[] jar) {
        Manifest mf;
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            mf = in.getManifest();
        } catch (IOException e) {
            throw new IllegalArgumentException("not a jar: " + e.getMessage() + "; nothing installed");
        }
        if (mf == null) {
            throw new IllegalArgumentException("not a bundle jar (no META-INF/MANIFEST.MF); nothing installed");
        }
        String bsn = mf.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
        if (bsn == null || bsn.isBlank() || !"2".equals(mf.getMainAttributes().getValue(Constants.BUNDLE_MANIFESTVERSION))) {
            throw new IllegalArgumentException("not an OSGi bundle (no Bundle-SymbolicName / Bundle-ManifestVersion 2);"
                    + " nothing installed");
        }
        return bsn.split(";")[0].trim();
    }

    private String lifecycle(String action, String bundleId) throws BundleException {
        long id;
        try {
            id = Long.parseLong(String.valueOf(bundleId));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("no bundle id");
        }
        Bundle b = context.getBundle(id);
        if (b == null) {
            throw new IllegalArgumentException("no bundle " + id);
        }
        if (id == 0 || id == context.getBundle().getBundleId()) {
            throw new IllegalArgumentException("bundle " + id + " is managed elsewhere");
        }
        String name = b.getSymbolicName() + " " + b.getVersion();
        switch (action) {
            case "stop" -> b.stop();
            case "start" -> b.start();
            default -> b.uninstall();
        }
        return "msg=" + enc(action + " " + name + " [" + id + "]: done");
    }

    @Override
    String render(HttpServletRequest request) {
        History hist = history;
        return render(collect(backends, b -> b.id(), b -> b.deterministic() ? "deterministic" : "float"),
                collect(proofSystems, p -> p.schemeId(), p -> p.canProve() ? "prove + verify" : "verify only"),
                collect(engines, e -> e.engineId(), e -> "height " + e.height()), request.getParameter("msg"),
                request.getParameter("error"), hist == null ? List.of() : hist.events());
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
            out.add(new Plugin(ident, det, bundle, r instanceof Integer i ? i : 0, b == null ? -1 : b.getBundleId(),
                    b == null ? "" : NodePage.stateName(b.getState())));
        }
        out.sort(Comparator.comparing(Plugin::id).thenComparing(Comparator.comparingInt(Plugin::ranking).reversed()));
        return out;
    }

    static String render(List<Plugin> backends, List<Plugin> proofs, List<Plugin> engines) {
        return render(backends, proofs, engines, null, null, List.of());
    }

    static String render(List<Plugin> backends, List<Plugin> proofs, List<Plugin> engines, String msg, String error,
            List<History.Event> events) {
        Html h = new Html();
        h.message(msg, false).message(error, true);
        h.raw("<p>Plugins are OSGi services; a new implementation is hot-swapped by installing its bundle (higher "
                + "service.ranking or same id) and removing the old one in the <a href='bundles'>Bundles</a> page.</p>");
        section(h, "Model backends", "haca-backends", "Backend", backends, "No model backend installed.");
        section(h, "Proof systems", "haca-proofs", "Scheme", proofs, "No proof system installed.");
        section(h, "Consensus engines", "haca-engines", "Engine", engines, "No consensus engine installed.");
        h.h2("Install or update a plugin");
        h.raw("<form id='haca-plugin-upload' onsubmit='return hacaPlugin(this)'><input type='file' name='file' "
                + "accept='.jar' required> <button type='submit'>Install / update</button> "
                + "<span id='haca-plugin-status'></span></form>"
                + "<p>A jar whose Bundle-SymbolicName is installed already updates that bundle (hot swap); anything "
                + "but a valid OSGi bundle is refused and nothing is installed.</p>");
        h.raw("<script>function hacaPlugin(f){var file=f.file.files[0];if(!file)return false;"
                + "var s=document.getElementById('haca-plugin-status');s.textContent='uploading\u2026';"
                + "fetch(location.pathname+'?action=upload',{method:'POST',headers:{'Content-Type':"
                + "'application/java-archive'},body:file,redirect:'follow'}).then(function(r){if(r.redirected)"
                + "{location.href=r.url;}else{s.textContent='failed: HTTP '+r.status;}})"
                + ".catch(function(e){s.textContent='failed: '+e;});return false;}</script>");
        List<List<?>> rows = new ArrayList<>();
        for (History.Event e : events) {
            rows.add(List.of(Instant.ofEpochMilli(e.epochMillis()).toString(), e.type(), e.bundle(), e.version(),
                    e.bundleId()));
        }
        h.h2("Bundle history (installs, updates, starts, stops, uninstalls since the console started)")
                .table("haca-history", List.of("Time", "Event", "Bundle", "Version", "Id"), rows, "No bundle events yet.");
        return h.toString();
    }

    private static String actions(Plugin p) {
        if (p.bundleId() <= 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String a : List.of("stop", "uninstall")) {
            sb.append("<form method='post' style='display:inline'><input type='hidden' name='action' value='").append(a)
                    .append("'><input type='hidden' name='bundle' value='").append(p.bundleId())
                    .append("'><button type='submit' onclick=\"return confirm('").append(a)
                    .append(" this bundle?')\">").append(a).append("</button></form> ");
        }
        return sb.toString();
    }

    private static void section(Html h, String title, String id, String idHeader, List<Plugin> plugins, String empty) {
        List<List<?>> rows = new ArrayList<>();
        for (Plugin p : plugins) {
            rows.add(List.of(p.id(), p.detail(), p.bundle(), p.ranking(), p.state(), new Html.Raw(actions(p))));
        }
        h.h2(title).table(id, List.of(idHeader, "Capability", "Bundle", "Ranking", "State", "Actions"), rows, empty);
    }
}
