package org.haca.proof.zk.internal;

import org.haca.backend.quant.internal.QuantModel;
import org.haca.proof.zk.internal.circuit.CompiledCircuit;
import org.haca.proof.zk.internal.groth16.ProvingKey;
import org.haca.proof.zk.internal.groth16.VerifyingKey;

/**
 * Everything one model needs for ZKML: the quantized model (prover side), its compiled circuit, the public-signal
 * layout and the Groth16 keys. Verifier-only entries (a trusted key file, no model) have no model, circuit or proving
 * key.
 *
 * @param vkJson the snarkjs {@code verification_key.json} text as published
 * @param setup where the keys came from; {@link Setup#DEV_INSECURE} keys are refused outside dev mode
 */
record ModelKeys(String modelId, QuantModel model, CompiledCircuit circuit, PublishedLayout layout,
        ProvingKey provingKey, VerifyingKey verifyingKey, String vkJson, Setup setup) {

    enum Setup {
        /** Made on this node from local randomness ({@code DevSetup}): whoever held the toxic waste can forge proofs. */
        DEV_INSECURE("dev-insecure"),
        /** A .zkey placed by the operator, from a snarkjs ceremony. */
        IMPORTED("imported");

        final String label;

        Setup(String label) {
            this.label = label;
        }
    }

    boolean canProve() {
        return provingKey != null && circuit != null && model != null;
    }
}
