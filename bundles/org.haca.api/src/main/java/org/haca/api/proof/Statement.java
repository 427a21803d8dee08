package org.haca.api.proof;

import java.util.Objects;

/**
 * What a proof binds: an inference on a network. Hashes are lowercase hex SHA-256 as produced by
 * {@link org.haca.api.model.CanonicalHash}.
 *
 * <p>TEE schemes ({@code tee.nitro.v1}, {@code tee.tdx.v1}, {@code tee.simulated.v1}) bind a statement with 64 bytes
 * (Nitro {@code user_data}, TDX {@code REPORTDATA}): {@code SHA-512("HACA-TEE/v1\0" ‖ u32be(len) ‖ UTF-8(networkId) ‖
 * modelHash ‖ inputHash ‖ outputHash ‖ u32be(len) ‖ nonce ‖ i64be(timestampMillis))}, where the three hashes are the
 * 32 raw bytes of their hex, the nonce is the raw bytes of its hex (at most 512), and lengths are 4-byte big-endian
 * byte counts. A statement whose hashes are not 64 lowercase hex characters, or whose nonce is not lowercase hex,
 * cannot be bound and never verifies under a TEE scheme.
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
