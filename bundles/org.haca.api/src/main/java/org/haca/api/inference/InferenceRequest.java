package org.haca.api.inference;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.haca.api.model.Tensor;

/**
 * One call of {@code infer(model, mode, input)}.
 *
 * @param backend a backend id to force, or null to let the engine choose (ZKML always uses a deterministic backend)
 * @param nonce lowercase hex chosen by the caller to bind the proof to this request, or null to let the node choose
 */
public record InferenceRequest(String modelId, InferenceMode mode, String backend, Map<String, Tensor> inputs,
        String nonce) {
    public InferenceRequest {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(mode, "mode");
        inputs = Map.copyOf(inputs);
    }

    public Optional<String> backendHint() {
        return Optional.ofNullable(backend);
    }
}
