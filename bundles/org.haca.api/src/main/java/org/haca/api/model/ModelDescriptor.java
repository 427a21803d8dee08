package org.haca.api.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the registry knows about a stored model.
 *
 * @param id lowercase hex SHA-256 of the model bytes (content address; also the model hash in statements)
 * @param name a human label given at upload; not unique, not trusted
 * @param size size of the model in bytes
 * @param inputs declared inputs in model order
 * @param outputs declared outputs in model order
 * @param storedAt when the registry first stored these bytes
 */
public record ModelDescriptor(String id, String name, long size, List<TensorSpec> inputs, List<TensorSpec> outputs,
        Instant storedAt) {
    public ModelDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        Objects.requireNonNull(storedAt, "storedAt");
    }
}
