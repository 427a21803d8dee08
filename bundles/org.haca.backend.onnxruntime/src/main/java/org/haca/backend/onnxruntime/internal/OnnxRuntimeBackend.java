package org.haca.backend.onnxruntime.internal;

import java.util.HashMap;
import java.util.Map;

import org.haca.api.inference.InferenceException;
import org.haca.api.inference.InferenceException.Kind;
import org.haca.api.inference.ModelBackend;
import org.haca.api.inference.ModelSource;
import org.haca.api.model.ModelListener;
import org.haca.api.model.Tensor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;

/**
 * Float inference with ONNX Runtime (CPU). One session per model id, created on first use and shared by all threads
 * (ORT sessions are thread-safe); closed when the model is deleted ({@link ModelListener}), unloaded, or this component
 * stops. Not deterministic across machines: float kernels differ by CPU and thread count.
 */
// immediate: the natives (~30 MB) load while this bundle starts, not inside the first caller's service lookup, and a
// platform without them never registers the backend
@Component(service = {ModelBackend.class, ModelListener.class}, configurationPid = OnnxRuntimeBackend.PID,
        immediate = true)
@Designate(ocd = OnnxRuntimeBackend.Config.class)
public class OnnxRuntimeBackend implements ModelBackend, ModelListener {
    static final String PID = "org.haca.backend.onnxruntime";
    static final String ID = "onnxruntime";

    @ObjectClassDefinition(name = "haca ONNX Runtime backend")
    public @interface Config {
        @AttributeDefinition(description = "Threads per inference inside ONNX Runtime; 0 = one per core")
        int intraOpThreads() default 0;

        @AttributeDefinition(description = "Largest input tensor accepted, in elements")
        long maxInputElements() default 16L * 1024 * 1024;

        @AttributeDefinition(description = "How long stopping waits for running inferences, in milliseconds")
        long drainTimeoutMillis() default 30_000;
    }

    /** The configuration as plain values, so tests can start the backend without OSGi. */
    record Settings(int intraOpThreads, long maxInputElements, long drainTimeoutMillis) {
        static Settings defaults() {
            return new Settings(0, 16L * 1024 * 1024, 30_000);
        }
    }

    private final SessionCache cache = new SessionCache();
    private final Object inFlightLock = new Object();
    private int inFlight;
    private boolean stopping;
    private volatile OrtEnvironment env;
    private volatile Settings settings;

    @Activate
    void activate(Config config) throws OrtException {
        start(new Settings(config.intraOpThreads(), config.maxInputElements(), config.drainTimeoutMillis()));
    }

    /**
     * A started backend outside OSGi, for benchmarks and tools on a plain class path (this package is private to the
     * bundle, so nothing inside the framework can call it). Stop it with {@link #deactivate()}.
     */
    public static OnnxRuntimeBackend standalone(int intraOpThreads) throws OrtException {
        OnnxRuntimeBackend b = new OnnxRuntimeBackend();
        b.start(new Settings(intraOpThreads, Settings.defaults().maxInputElements(),
                Settings.defaults().drainTimeoutMillis()));
        return b;
    }

    /** Loads the natives (from inside this bundle) and readies the backend; fails if ORT cannot load here. */
    void start(Settings s) throws OrtException {
        settings = s;
        env = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "haca");
    }

    @Deactivate
    public void deactivate() throws InterruptedException {
        long deadline = System.currentTimeMillis() + settings.drainTimeoutMillis();
        synchronized (inFlightLock) {
            stopping = true;
            while (inFlight > 0 && System.currentTimeMillis() < deadline) {
                inFlightLock.wait(Math.max(1, deadline - System.currentTimeMillis()));
            }
        }
        cache.drain(Math.max(0, deadline - System.currentTimeMillis()));
        // The OrtEnvironment is a process-wide singleton inside ORT; it is left for the JVM to free.
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean deterministic() {
        return false;
    }

    @Override
    public Map<String, Tensor> infer(ModelSource model, Map<String, Tensor> inputs) throws InferenceException {
        enter();
        try {
            String modelId = model.descriptor().id();
            try (SessionCache.Lease lease = cache.lease(modelId, () -> load(model))) {
                return run(modelId, lease.session, inputs);
            }
        } finally {
            leave();
        }
    }

    private Map<String, Tensor> run(String modelId, OrtSession session, Map<String, Tensor> inputs)
            throws InferenceException {
        Map<String, OnnxTensor> feed = new HashMap<>();
        try {
            OrtTensors.validate(session.getInputInfo(), inputs, settings.maxInputElements());
            for (Map.Entry<String, Tensor> e : inputs.entrySet()) {
                feed.put(e.getKey(), OrtTensors.toOrt(env, e.getValue()));
            }
            try (OrtSession.Result result = session.run(feed)) {
                return OrtTensors.fromOrt(result);
            }
        } catch (OrtException e) {
            throw OrtErrors.onRun(modelId, e);
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }

    private OrtSession load(ModelSource model) throws InferenceException {
        String modelId = model.descriptor().id();
        byte[] bytes = model.bytes();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            if (settings.intraOpThreads() > 0) {
                options.setIntraOpNumThreads(settings.intraOpThreads());
            }
            return env.createSession(bytes, options);
        } catch (OrtException e) {
            throw OrtErrors.onLoad(modelId, e);
        }
    }

    @Override
    public void unload(String modelId) {
        cache.unload(modelId);
    }

    @Override
    public void modelRemoved(String modelId) {
        cache.unload(modelId);
    }

    boolean isCached(String modelId) {
        return cache.isCached(modelId);
    }

    private void enter() throws InferenceException {
        synchronized (inFlightLock) {
            if (stopping) {
                throw new InferenceException(Kind.UNAVAILABLE, "the onnxruntime backend is stopping");
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
