package org.haca.api.inference;

/** How a result is made verifiable. */
public enum InferenceMode {
    /** No proof; the result settles after a challenge window. */
    VANILLA,
    /** A TEE attestation binds the result to a measured enclave. */
    TEE,
    /** A zero-knowledge proof binds the result to the committed model; runs on the deterministic integer backend. */
    ZKML
}
