package org.haca.shell.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.haca.api.chain.ConsensusEngine;
import org.haca.api.economics.Ledger;
import org.haca.api.economics.Supply;
import org.haca.api.inference.InferenceException;
import org.haca.api.inference.InferenceMode;
import org.haca.api.inference.InferenceRequest;
import org.haca.api.inference.InferenceResult;
import org.haca.api.inference.InferenceService;
import org.haca.api.inference.ModelBackend;
import org.haca.api.model.Tensor;
import org.haca.api.model.ModelDescriptor;
import org.haca.api.model.ModelRegistry;
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

/**
 * Gogo commands in scope {@code haca}. Each returns its text (Gogo prints returned strings), so the commands are plain
 * methods that unit tests can call. Services are optional dynamic references: a command about a missing part says
 * so instead of failing.
 */
@Component(service = HacaCommands.class, property = {"osgi.command.scope=haca", "osgi.command.function=node",
        "osgi.command.function=plugins", "osgi.command.function=models", "osgi.command.function=supply", "osgi.command.function=infer"})
public final class HacaCommands {

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<Map.Entry<Map<String, Object>, ModelBackend>> backends;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<Map.Entry<Map<String, Object>, ProofSystem>> proofSystems;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ConsensusEngine consensus;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ModelRegistry registry;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Ledger ledger;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile InferenceService inference;

    private final BundleContext context;

    @Activate
    public HacaCommands(BundleContext context) {
        this.context = context;
    }

    /** {@code haca:node} — who this node is and what runs in it. */
    public String node() {
        long active = 0;
        Bundle[] bundles = context.getBundles();
        for (Bundle b : bundles) {
            active += b.getState() == Bundle.ACTIVE ? 1 : 0;
        }
        ConsensusEngine engine = consensus;
        Table t = new Table("property", "value");
        t.row("version", prop("haca.version"));
        t.row("role", prop("haca.role"));
        t.row("network", prop("haca.network.id"));
        t.row("dev mode", prop("haca.dev"));
        t.row("uptime", format(Duration.ofMillis(java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime())));
        t.row("bundles", active + " active of " + bundles.length);
        t.row("consensus", engine == null ? "none" : engine.engineId() + " at height " + engine.height());
        t.row("backends", String.valueOf(snapshot(backends).size()));
        t.row("proof systems", String.valueOf(snapshot(proofSystems).size()));
        return t.toString();
    }

    /** {@code haca:plugins} — the swappable parts with the bundle that provides each. */
    public String plugins() {
        Table t = new Table("kind", "id", "bundle", "ranking");
        for (Map.Entry<Map<String, Object>, ModelBackend> e : sorted(snapshot(backends), b -> b.id())) {
            t.row("backend", e.getValue().id() + (e.getValue().deterministic() ? " (deterministic)" : ""),
                    bundle(e.getKey()), ranking(e.getKey()));
        }
        for (Map.Entry<Map<String, Object>, ProofSystem> e : sorted(snapshot(proofSystems), p -> p.schemeId())) {
            t.row("proof", e.getValue().schemeId() + (e.getValue().canProve() ? "" : " (verify only)"),
                    bundle(e.getKey()), ranking(e.getKey()));
        }
        ConsensusEngine engine = consensus;
        if (engine != null) {
            t.row("consensus", engine.engineId(), "", "");
        }
        return t.isEmpty() ? "no model backends, proof systems or consensus engine installed" : t.toString();
    }

    /** {@code haca:models} — the model registry. */
    public String models() {
        ModelRegistry r = registry;
        if (r == null) {
            return "no model registry installed";
        }
        List<ModelDescriptor> models = r.list();
        if (models.isEmpty()) {
            return "no models";
        }
        Table t = new Table("id", "name", "bytes", "inputs", "outputs");
        for (ModelDescriptor m : models) {
            t.row(m.id(), m.name(), Long.toString(m.size()), names(m.inputs()), names(m.outputs()));
        }
        return t.toString();
    }

    /** {@code haca:infer MODEL} — a VANILLA inference on a seeded random input. */
    public String infer(String model) {
        return infer(model, "VANILLA", "random");
    }

    /** {@code haca:infer MODEL MODE} — MODE is VANILLA, TEE or ZKML. */
    public String infer(String model, String mode) {
        return infer(model, mode, "random");
    }

    /**
     * {@code haca:infer MODEL MODE INPUT} — runs one inference through the same engine as {@code POST /api/v1/infer}
     * (so it is proved, submitted to the chain and settles like any other) and prints a summary. MODEL is a registry
     * id or a unique name; INPUT is {@code random}, {@code random:SEED}, {@code zeros}, {@code ones} or comma-separated
     * values.
     */
    public String infer(String model, String mode, String input) {
        InferenceService service = inference;
        ModelRegistry r = registry;
        if (service == null || r == null) {
            return "no inference engine or model registry installed";
        }
        InferenceMode m;
        try {
            m = InferenceMode.valueOf(mode.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return "unknown mode '" + mode + "': use VANILLA, TEE or ZKML";
        }
        List<ModelDescriptor> matches = r.list().stream()
                .filter(d -> d.id().equals(model) || d.name().equals(model)).toList();
        if (matches.size() != 1) {
            return matches.isEmpty() ? "no model with id or name '" + model + "' (see haca:models)"
                    : "several models are named '" + model + "'; use the id";
        }
        ModelDescriptor d = matches.get(0);
        try {
            Map<String, Tensor> in = SampleInput.build(d.inputs(), input);
            InferenceResult res = service.infer(new InferenceRequest(d.id(), m, null, in, null));
            return summary(res);
        } catch (IllegalArgumentException e) {
            return "bad input: " + e.getMessage();
        } catch (InferenceException e) {
            return "inference failed (" + e.kind() + "): " + e.getMessage();
        }
    }

    static String summary(InferenceResult res) {
        Table t = new Table("field", "value");
        t.row("request", res.requestId());
        t.row("model", res.modelId());
        t.row("mode / backend", res.mode() + " / " + res.backend());
        res.outputs().forEach((name, tensor) -> t.row("output " + name, describe(tensor)));
        t.row("output hash", res.outputHash());
        t.row("proof", res.proof() == null ? "none" : res.proof().scheme() + ", " + res.proof().size() + " bytes");
        t.row("tx", res.txHash() == null ? "none (no chain)" : res.txHash());
        return t.toString();
    }

    /** Shape, the first values and the arg-max: enough to see a classifier's answer. */
    static String describe(Tensor t) {
        StringBuilder sb = new StringBuilder(java.util.Arrays.toString(t.shape()));
        if (t.dtype() == org.haca.api.model.DType.FLOAT32) {
            float[] v = t.floats();
            int best = 0;
            sb.append(" [");
            for (int i = 0; i < v.length; i++) {
                if (i < 10) {
                    sb.append(i == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%.4g", v[i]));
                }
                best = v[i] > v[best] ? i : best;
            }
            sb.append(v.length > 10 ? ", …]" : "]").append(v.length > 0 ? " argmax " + best : "");
        } else {
            sb.append(' ').append(t.dtype());
        }
        return sb.toString();
    }

    /** {@code haca:supply} — token supply breakdown. */
    public String supply() {
        Ledger l = ledger;
        if (l == null) {
            return "no ledger installed";
        }
        Supply s = l.supply();
        Table t = new Table("kind", "tokens");
        t.row("total", Long.toString(s.total()));
        t.row("circulating", Long.toString(s.circulating()));
        t.row("staked", Long.toString(s.staked()));
        t.row("escrowed", Long.toString(s.escrowed()));
        t.row("burned", Long.toString(s.burned()));
        return t.toString();
    }

    private String prop(String key) {
        String v = context.getProperty(key);
        return v == null ? "-" : v;
    }

    private String bundle(Map<String, Object> props) {
        Object id = props.get(Constants.SERVICE_BUNDLEID);
        Bundle b = id instanceof Long l ? context.getBundle(l) : null;
        return b == null ? "-" : b.getSymbolicName() + " " + b.getVersion();
    }

    private static String ranking(Map<String, Object> props) {
        Object r = props.get(Constants.SERVICE_RANKING);
        return r == null ? "0" : r.toString();
    }

    private static String names(List<org.haca.api.model.TensorSpec> specs) {
        List<String> out = new ArrayList<>();
        for (org.haca.api.model.TensorSpec s : specs) {
            out.add(s.name() + s.shape());
        }
        return String.join(" ", out);
    }

    private static <S> List<Map.Entry<Map<String, Object>, S>> sorted(List<Map.Entry<Map<String, Object>, S>> in,
            java.util.function.Function<S, String> key) {
        List<Map.Entry<Map<String, Object>, S>> out = new ArrayList<>(in);
        out.sort(Comparator.comparing(e -> key.apply(e.getValue())));
        return out;
    }

    private static <T> List<T> snapshot(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    static String format(Duration d) {
        return String.format("%dd %02dh %02dm %02ds", d.toDays(), d.toHoursPart(), d.toMinutesPart(), d.toSecondsPart());
    }
}
