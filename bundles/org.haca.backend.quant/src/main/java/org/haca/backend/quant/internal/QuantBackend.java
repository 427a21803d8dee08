package org.haca.backend.quant.internal;

import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

import org.haca.api.inference.InferenceException;
import org.haca.api.inference.InferenceException.Kind;
import org.haca.api.inference.ModelBackend;
import org.haca.api.inference.ModelSource;
import org.haca.api.model.ModelListener;
import org.haca.api.model.Tensor;
import org.haca.backend.quant.internal.qprog.Gemm;
import org.haca.backend.quant.internal.qprog.QTensor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The deterministic integer backend ({@code quant}). On first use of a model it parses the ONNX bytes, quantizes the
 * float model (int8 weights, power-of-two scales, see {@code docs/quantization.md}) and caches the result per model
 * id; concurrent first calls share one load. Outputs are the dequantized int8 results as FLOAT32 tensors with the
 * float model's output names; {@link #inferRaw} gives the int8 values themselves.
 */
@Component(service = {ModelBackend.class, ModelListener.class}, configurationPid = QuantBackend.PID)
@Designate(ocd = QuantBackend.Config.class)
public class QuantBackend implements ModelBackend, ModelListener {
    static final String PID = "org.haca.backend.quant";
    public static final String ID = "quant";

    @ObjectClassDefinition(name = "haca deterministic integer backend")
    public @interface Config {
        @AttributeDefinition(description = "Largest input tensor accepted, in elements")
        long maxInputElements() default 16L * 1024 * 1024;

        @AttributeDefinition(description = "How long stopping waits for running inferences, in milliseconds")
        long drainTimeoutMillis() default 30_000;

        @AttributeDefinition(description = "Threads one large matrix product may use; 0 = one per core (at most 4). "
                + "Results are bit-identical whatever the value")
        int threads() default 0;
    }

    private final ConcurrentHashMap<String, CompletableFuture<QuantModel>> cache = new ConcurrentHashMap<>();
    private final Object inFlightLock = new Object();
    private int inFlight;
    private boolean stopping;
    private volatile long maxInputElements = 16L * 1024 * 1024;
    private volatile long drainTimeoutMillis = 30_000;
    private volatile int threads = Gemm.DEFAULT_THREADS;

    @Activate
    void activate(Config config) {
        configure(config.maxInputElements(), config.drainTimeoutMillis(), config.threads());
    }

    private void configure(long maxElements, long drainMillis, int threadCount) {
        maxInputElements = maxElements;
        drainTimeoutMillis = drainMillis;
        threads = threadCount > 0 ? threadCount : Gemm.DEFAULT_THREADS;
    }

    /** A backend outside OSGi (tests, benchmarks) with default limits and the given thread count (0 = default). */
    public static QuantBackend standalone(int threads) {
        QuantBackend b = new QuantBackend();
        b.configure(16L * 1024 * 1024, 30_000, threads);
        return b;
    }

    /** Refuses new calls, waits (bounded) for running ones, then frees every model. */
    @Deactivate
    public void deactivate() throws InterruptedException {
        long deadline = System.currentTimeMillis() + drainTimeoutMillis;
        synchronized (inFlightLock) {
            stopping = true;
            while (inFlight > 0 && System.currentTimeMillis() < deadline) {
                inFlightLock.wait(Math.max(1, deadline - System.currentTimeMillis()));
            }
        }
        cache.clear();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean deterministic() {
        return true;
    }

    @Override
    public Map<String, Tensor> infer(ModelSource model, Map<String, Tensor> inputs) throws InferenceException {
        enter();
        try {
            return model(model).infer(inputs, maxInputElements);
        } finally {
            exit();
        }
    }

    /** The raw int8 outputs and their exponents (real value = q · 2^-exponent), for callers that need the integers. */
    public Map<String, QTensor> inferRaw(ModelSource model, Map<String, Tensor> inputs) throws InferenceException {
        enter();
        try {
            return model(model).inferRaw(inputs, maxInputElements);
        } finally {
            exit();
        }
    }

    /** The loaded (quantized) model, loading it on first use; its program is what the ZKML compiler proves. */
    public QuantModel model(ModelSource source) throws InferenceException {
        String id = source.descriptor().id();
        CompletableFuture<QuantModel> f = cache.get(id);
        if (f == null) {
            CompletableFuture<QuantModel> mine = new CompletableFuture<>();
            f = cache.putIfAbsent(id, mine);
            if (f == null) {
                f = mine;
                try {
                    mine.complete(QuantModel.load(source.bytes(), threads));
                } catch (InferenceException | RuntimeException e) {
                    cache.remove(id, mine); // a later call may retry (for example after a transient read error)
                    mine.completeExceptionally(e);
                }
            }
        }
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InferenceException(Kind.UNAVAILABLE, "interrupted while loading model " + id, e);
        } catch (CancellationException e) {
            throw new InferenceException(Kind.UNAVAILABLE, "loading of model " + id + " was cancelled", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof InferenceException ie) {
                throw new InferenceException(ie.kind(), ie.getMessage(), ie);
            }
            throw new InferenceException(Kind.INTERNAL, "loading model " + id + " failed: " + c, c);
        }
    }

    @Override
    public void unload(String modelId) {
        cache.remove(modelId);
    }

    @Override
    public void modelRemoved(String modelId) {
        unload(modelId);
    }

    /** Whether a model is cached (for tests and diagnostics). */
    boolean isLoaded(String modelId) {
        CompletableFuture<QuantModel> f = cache.get(modelId);
        return f != null && f.isDone() && !f.isCompletedExceptionally();
    }

    private void enter() throws InferenceException {
        synchronized (inFlightLock) {
            if (stopping) {
                throw new InferenceException(Kind.UNAVAILABLE, "the quant backend is stopping");
            }
            inFlight++;
        }
    }

    private void exit() {
        synchronized (inFlightLock) {
            if (--inFlight == 0) {
                inFlightLock.notifyAll();
            }
        }
    }
}
