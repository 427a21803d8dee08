package org.haca.api.inference;

import java.util.Map;

import org.haca.api.model.Tensor;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Executes models. Registered as an OSGi service; the inference engine reads the current set of backends for every
 * request, so a backend can be installed, replaced or removed while the node runs.
 *
 * <p>Contract for plugin authors:
 * <ul>
 * <li><b>Thread safety:</b> {@link #infer} is called concurrently; cache per-model state (sessions, compiled kernels)
 * keyed by model id and make the cache safe for concurrent use.</li>
 * <li><b>Determinism:</b> if {@link #deterministic()} is true, outputs must be bit-identical for identical inputs on
 * every machine, thread count and run (integer arithmetic only). ZKML requires such a backend.</li>
 * <li><b>Errors:</b> bad tensors raise {@link InferenceException.Kind#BAD_INPUT} with a message naming the input;
 * unsupported operators raise {@link InferenceException.Kind#UNSUPPORTED} naming the op. Never leak native crashes.</li>
 * <li><b>Lifecycle:</b> {@link #unload} frees everything held for a model; on deactivation drain in-flight calls, then
 * free all models.</li>
 * </ul>
 */
@ConsumerType
public interface ModelBackend {

    /** Short backend name used in requests and results, for example {@code onnxruntime} or {@code quant}. */
    String id();

    /** Whether results are bit-identical everywhere (see class contract). */
    boolean deterministic();

    /**
     * Runs the model on named inputs and returns named outputs.
     *
     * @throws InferenceException see the class contract for kinds
     */
    Map<String, Tensor> infer(ModelSource model, Map<String, Tensor> inputs) throws InferenceException;

    /** Drops cached state for a model (called when the model is deleted). Must not throw. */
    void unload(String modelId);
}
