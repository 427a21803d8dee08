package org.haca.api.proof;

import java.util.Objects;

/**
 * What a proof binds: an inference on a network. Hashes are lowercase hex SHA-256 as produced by
 * {@link org.haca.api.model.CanonicalHash}.
 *
 * @param networkId chain/network identifier, so a proof for one network is worthless on another
 * @param modelHash SHA-256 of the model bytes (the registry id)
 * @param inputHash canonical hash of the named input tensors
 * @param outputHash canonical hash of the named output tensors
 * @param nonce lowercase hex, chosen by the requester or the node; prevents replaying an old proof for a new request
 * @param timestampMillis when the result was produced (Unix epoch milliseconds)
 */
public record Statement(String networkId, String modelHash, String inputHash, String outputHash, String nonce,
        long timestampMillis) {
    public Statement {
        Objects.requireNonNull(networkId, "networkId");
        Objects.requireNonNull(modelHash, "modelHash");
        Objects.requireNonNull(inputHash, "inputHash");
        Objects.requireNonNull(outputHash, "outputHash");
        Objects.requireNonNull(nonce, "nonce");
    }
}
