package org.haca.api.inference;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The front door of an inference node: request, backend, proof, result, chain transaction.
 * Thread-safe; callable from any thread.
 */
@ProviderType
public interface InferenceService {

    /**
     * Runs an inference and returns its result with hashes and proof.
     *
     * @throws InferenceException with a kind that tells the caller what went wrong
     */
    InferenceResult infer(InferenceRequest request) throws InferenceException;
}
