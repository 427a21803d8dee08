package org.haca.api.proof;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Optional capability of a proof system whose keys are made per model (ZK schemes): publishes the key a verifier needs
 * to check this node's proofs, so anyone can verify a result with independent tools. Registered beside
 * {@link ProofSystem} by the same component. {@code GET /api/v1/models/{id}/verification_key.json} serves it.
 */
@ConsumerType
public interface VerificationKeys {

    /** The scheme the keys belong to, for example {@code zk.groth16.bn254.v1}. */
    String schemeId();

    /**
     * The verification key for a registry model in the scheme's published format (for Groth16: snarkjs
     * {@code verification_key.json}). Making the keys may take a while the first time; later calls are served from
     * the cache.
     *
     * @return empty when the model is unknown to this node
     * @throws ProofException when the model cannot be compiled for this scheme or keys cannot be made here (for
     *         example a production node without an imported key); the message says why
     */
    Optional<byte[]> verificationKey(String modelId) throws ProofException;
}
