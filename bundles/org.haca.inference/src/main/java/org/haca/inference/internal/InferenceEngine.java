package org.haca.inference.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.haca.api.chain.ChainTransactions;
import org.haca.api.inference.InferenceException;
import org.haca.api.inference.InferenceException.Kind;
import org.haca.api.inference.InferenceRequest;
import org.haca.api.inference.InferenceResult;
import org.haca.api.inference.InferenceService;
import org.haca.api.inference.ModelBackend;
import org.haca.api.metrics.MetricsSink;
import org.haca.api.metrics.MetricsSource;
import org.haca.api.model.CanonicalHash;
import org.haca.api.model.ModelDescriptor;
import org.haca.api.model.ModelRegistry;
import org.haca.api.model.Tensor;
import org.haca.api.model.TensorSpec;
import org.haca.api.proof.Proof;
import org.haca.api.proof.ProofException;
import org.haca.api.proof.ProofRequest;
import org.haca.api.proof.ProofSystem;
import org.haca.api.proof.Statement;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The front door: request → input validation → backend → canonical hashes → proof → result (→ chain tx, see
 * {@link ResultSubmitter}). Backends, proof systems and the registry are dynamic greedy references read once per
 * request, so any of them can be hot-swapped while the node serves.
 */
@Component(service = {InferenceService.class, MetricsSource.class}, configurationPid = InferenceEngine.PID)
@Designate(ocd = InferenceEngine.Config.class)
public class InferenceEngine implements InferenceService, MetricsSource {
    static final String PID = "org.haca.inference";
    private static final Pattern HEX = Pattern.compile("([0-9a-f]{2}){1,64}");

    @ObjectClassDefinition(name = "haca inference engine")
    public @interface Config {
        @AttributeDefinition(description = "Largest input tensor accepted, in elements")
        long maxInputElements() default 16L * 1024 * 1024;

        @AttributeDefinition(description = "How long stopping waits for running inferences, in milliseconds")
        long drainTimeoutMillis() default 30_000;

        @AttributeDefinition(description = "Fee (base units) escrowed on chain for each result; the node's payer account pays it")
        long feePerResult() default 1_000;
    }

    /** The chain, when this node runs one: results are submitted as SubmitResult txs and use its network id. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ChainTransactions chain;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile ModelRegistry registry;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<Map.Entry<Map<String, Object>, ModelBackend>> backends;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<Map.Entry<Map<String, Object>, ProofSystem>> proofSystems;

    private final SecureRandom random = new SecureRandom();
    private final InferenceMetrics metrics = new InferenceMetrics();
    private final Object inFlightLock = new Object();
    private int inFlight;
    private boolean stopping;
    private volatile Clock clock = Clock.systemUTC();
    private volatile String networkId = "haca-dev";
    private volatile long maxInputElements = 16L * 1024 * 1024;
    private volatile long drainTimeoutMillis = 30_000;
    private volatile ResultSubmitter submitter = ResultSubmitter.NONE;
    private volatile long feePerResult = 1_000;

    @Activate
    void activate(BundleContext context, Config config) {
        String net = context.getProperty("haca.network.id");
        configure(net == null || net.isBlank() ? "haca-dev" : net, config.maxInputElements(),
                config.drainTimeoutMillis(), Clock.systemUTC());
        if (config.feePerResult() < 0) {
            throw new IllegalArgumentException("feePerResult must be >= 0");
        }
        feePerResult = config.feePerResult();
        submitter = new ChainResultSubmitter(() -> chain, () -> feePerResult);
    }

    void configure(String network, long maxElements, long drainMillis, Clock c) {
        networkId = network;
        maxInputElements = maxElements;
        drainTimeoutMillis = drainMillis;
        clock = c;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        long deadline = System.currentTimeMillis() + drainTimeoutMillis;
        synchronized (inFlightLock) {
            stopping = true;
            while (inFlight > 0 && System.currentTimeMillis() < deadline) {
                inFlightLock.wait(Math.max(1, deadline - System.currentTimeMillis()));
            }
        }
    }

    @Override
    public InferenceResult infer(InferenceRequest request) throws InferenceException {
        enter();
        long start = System.nanoTime();
        Labels labels = new Labels(request.mode().name());
        try {
            InferenceResult result = run(request, labels);
            metrics.request(labels.key("ok"), System.nanoTime() - start);
            return result;
        } catch (InferenceException e) {
            metrics.request(labels.key(e.kind().name().toLowerCase(java.util.Locale.ROOT)), System.nanoTime() - start);
            throw e;
        } finally {
            leave();
        }
    }

    @Override
    public void collect(MetricsSink sink) {
        metrics.collect(sink);
    }

    InferenceMetrics metrics() {
        return metrics;
    }

    /**
     * The metric labels of one request, filled in as it is resolved. The model label is the registry id only once the
     * model was found, so a client sending random ids cannot grow the label set without bound.
     */
    private static final class Labels {
        final String mode;
        String model = "unknown";
        String backend = "none";

        Labels(String mode) {
            this.mode = mode;
        }

        InferenceMetrics.Key key(String outcome) {
            return new InferenceMetrics.Key(model, mode, backend, outcome);
        }
    }

    private InferenceResult run(InferenceRequest request, Labels labels) throws InferenceException {
        String nonce = nonce(request.nonce());
        ModelRegistry reg = registry;
        if (reg == null) {
            throw new InferenceException(Kind.UNAVAILABLE, "no model registry on this node");
        }
        ModelDescriptor model = reg.find(request.modelId()).orElseThrow(
                () -> new InferenceException(Kind.NOT_FOUND, "unknown model '" + request.modelId() + "'"));
        labels.model = model.id();
        InputValidator.validate(model, request.inputs(), maxInputElements);
        ModelBackend backend = BackendSelector.select(snapshot(backends), request.mode(), request.backend());
        labels.backend = backend.id();
        ProofSystem prover = ProofSelector.select(snapshot(proofSystems), request.mode());

        RegistryModelSource source = new RegistryModelSource(reg, model);
        Map<String, Tensor> outputs;
        try {
            outputs = runBackend(backend, source, request.inputs());
        } catch (InferenceException e) {
            // Hot swap: a backend picked from the snapshot may be unregistered before the call reaches it; SCR
            // unbinds it from our list before its @Deactivate runs, and while draining it refuses new calls as
            // UNAVAILABLE. One retry on whatever is registered now moves the request to the successor. Only once,
            // and only if the choice changed: a backend that is genuinely unavailable is reported, not hammered.
            ModelBackend now = e.kind() == Kind.UNAVAILABLE ? reselect(request) : null;
            if (now == null || now == backend) {
                throw e;
            }
            backend = now;
            labels.backend = backend.id();
            outputs = runBackend(backend, source, request.inputs());
        }
        checkOutputs(model, backend, outputs);

        String inputHash = CanonicalHash.ofTensors(request.inputs());
        String outputHash = CanonicalHash.ofTensors(outputs);
        ChainTransactions c = chain;
        String network = c != null ? c.networkId() : networkId;
        Statement statement = new Statement(network, model.id(), inputHash, outputHash, nonce, clock.millis());
        Proof proof = prover == null ? null : prove(prover, statement, source, request.inputs(), outputs, metrics);

        InferenceResult result = new InferenceResult(UUID.randomUUID().toString(), model.id(), request.mode(),
                backend.id(), outputs, model.id(), inputHash, outputHash, proof, null);
        String tx = submitter.submit(result, statement);
        return tx == null ? result : new InferenceResult(result.requestId(), result.modelId(), result.mode(),
                result.backend(), result.outputs(), result.modelHash(), result.inputHash(), result.outputHash(),
                result.proof(), tx);
    }

    /** The backend a retry would use, or null when none is registered now (the original error is then reported). */
    private ModelBackend reselect(InferenceRequest request) {
        try {
            return BackendSelector.select(snapshot(backends), request.mode(), request.backend());
        } catch (InferenceException none) {
            return null;
        }
    }

    private static Map<String, Tensor> runBackend(ModelBackend backend, RegistryModelSource source,
            Map<String, Tensor> inputs) throws InferenceException {
        try {
            return backend.infer(source, inputs);
        } catch (InferenceException e) {
            throw e;
        } catch (RuntimeException e) {
            // a plugin's bug must not become a stack trace for the caller
            throw new InferenceException(Kind.INTERNAL, "backend '" + backend.id() + "' failed: " + e, e);
        }
    }

    private static void checkOutputs(ModelDescriptor model, ModelBackend backend, Map<String, Tensor> outputs)
            throws InferenceException {
        for (TensorSpec spec : model.outputs()) {
            if (outputs == null || !outputs.containsKey(spec.name())) {
                throw new InferenceException(Kind.INTERNAL, "backend '" + backend.id() + "' did not return output '"
                        + spec.name() + "'");
            }
        }
    }

    private static Proof prove(ProofSystem prover, Statement statement, RegistryModelSource source,
            Map<String, Tensor> inputs, Map<String, Tensor> outputs, InferenceMetrics metrics)
            throws InferenceException {
        try {
            long start = System.nanoTime();
            Proof proof = prover.prove(new ProofRequest(statement, source.bytes(), inputs, outputs));
            metrics.proof(prover.schemeId(), System.nanoTime() - start);
            return withStatement(proof, statement);
        } catch (ProofException e) {
            throw new InferenceException(Kind.UNSUPPORTED, prover.schemeId() + " could not prove this inference: "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new InferenceException(Kind.INTERNAL, "proof system " + prover.schemeId() + " failed: " + e, e);
        }
    }

    /**
     * The statement fields a verifier needs besides the hashes (network, nonce, time) travel as {@code statement.*}
     * attributes of the proof, since {@link InferenceResult} has no place for them; the prover's own attributes win.
     */
    static Proof withStatement(Proof proof, Statement statement) {
        if (proof == null) {
            return null;
        }
        Map<String, String> attrs = new java.util.TreeMap<>();
        attrs.put("statement.networkId", statement.networkId());
        attrs.put("statement.nonce", statement.nonce());
        attrs.put("statement.timestampMillis", Long.toString(statement.timestampMillis()));
        attrs.putAll(proof.attributes());
        return new Proof(proof.scheme(), proof.payload(), attrs);
    }

    private String nonce(String given) throws InferenceException {
        if (given == null) {
            byte[] b = new byte[32];
            random.nextBytes(b);
            return HexFormat.of().formatHex(b);
        }
        if (!HEX.matcher(given).matches()) {
            throw new InferenceException(Kind.BAD_INPUT,
                    "nonce must be lowercase hex, an even number of digits, at most 128");
        }
        return given;
    }

    void setSubmitter(ResultSubmitter s) {
        submitter = s;
    }

    private static <T> List<T> snapshot(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    private void enter() throws InferenceException {
        synchronized (inFlightLock) {
            if (stopping) {
                throw new InferenceException(Kind.UNAVAILABLE, "the inference engine is stopping");
            }
            inFlight++;
        }
    }

    private void leave() {
        synchronized (inFlightLock) {
            inFlight--;
            inFlightLock.notifyAll();
        }
    }
}
