package org.haca.api.inference;

import java.util.Map;
import java.util.Objects;

import org.haca.api.model.Tensor;
import org.haca.api.proof.Proof;

/**
 * What the caller gets back at once. The proof is null in VANILLA mode; {@code txHash} is null when the node has no
 * chain to submit to.
 */
public record InferenceResult(String requestId, String modelId, InferenceMode mode, String backend,
        Map<String, Tensor> outputs, String modelHash, String inputHash, String outputHash, Proof proof,
        String txHash) {
    public InferenceResult {
        Objects.requireNonNull(requestId, "requestId");
        outputs = Map.copyOf(outputs);
    }
}
