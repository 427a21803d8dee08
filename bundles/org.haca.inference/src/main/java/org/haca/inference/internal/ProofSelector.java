package org.haca.inference.internal;

import java.util.List;
import java.util.Map;

import org.haca.api.inference.InferenceException;
import org.haca.api.inference.InferenceException.Kind;
import org.haca.api.inference.InferenceMode;
import org.haca.api.proof.ProofSystem;

/**
 * Picks the proof system for a mode. TEE prefers real hardware schemes over the simulator, which a dev node may use
 * but production verifiers reject. VANILLA has no proof. A mode without a proving system is UNSUPPORTED (REST 501),
 * decided before the model runs so the caller does not pay for an inference that cannot be proven.
 */
final class ProofSelector {
    static final List<String> TEE_SCHEMES = List.of("tee.nitro.v1", "tee.tdx.v1", "tee.simulated.v1");
    static final List<String> ZKML_SCHEMES = List.of("zk.groth16.bn254.v1");

    private ProofSelector() {
    }

    /** The proof system for {@code mode}, or null for VANILLA. */
    static ProofSystem select(List<Map.Entry<Map<String, Object>, ProofSystem>> registered, InferenceMode mode)
            throws InferenceException {
        List<String> schemes = switch (mode) {
            case VANILLA -> List.of();
            case TEE -> TEE_SCHEMES;
            case ZKML -> ZKML_SCHEMES;
        };
        if (schemes.isEmpty()) {
            return null;
        }
        List<Map.Entry<Map<String, Object>, ProofSystem>> ranked = registered.stream()
                .sorted(BackendSelector.BY_RANKING).toList();
        for (String scheme : schemes) {
            for (Map.Entry<Map<String, Object>, ProofSystem> e : ranked) {
                ProofSystem p = e.getValue();
                if (scheme.equals(p.schemeId()) && p.canProve()) {
                    return p;
                }
            }
        }
        throw new InferenceException(Kind.UNSUPPORTED, mode + " mode needs a proof system that can prove one of "
                + schemes + "; none is installed on this node");
    }
}
