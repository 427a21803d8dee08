package org.haca.api.proof;

import java.util.Map;
import java.util.Objects;

import org.haca.api.model.Tensor;

/**
 * Everything a prover may need: the statement to bind and the private material behind it. TEE provers use only the
 * statement; ZK provers also need the model bytes and the tensors to build a witness.
 */
public record ProofRequest(Statement statement, byte[] model, Map<String, Tensor> inputs, Map<String, Tensor> outputs) {
    public ProofRequest {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(model, "model");
        inputs = Map.copyOf(inputs);
        outputs = Map.copyOf(outputs);
    }
}
