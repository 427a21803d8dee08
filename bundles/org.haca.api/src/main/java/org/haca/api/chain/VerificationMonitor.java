package org.haca.api.chain;

import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What this node's verification pipeline is doing: registered by the verifier bundle. Thread-safe snapshots.
 */
@ProviderType
public interface VerificationMonitor {

    /** Why this node has not verified the result with this request id yet, when it is waiting (for example no ProofSystem for its scheme). */
    Optional<String> waitingReason(String requestId);

    Stats stats();

    /**
     * @param queueDepth submissions queued for verification
     * @param waiting submissions that cannot be verified now (see {@link #waitingReason})
     * @param meanLatencyMicros mean time of one ProofSystem.verify call
     * @param valid verdict counts per scheme id
     * @param invalid verdict counts per scheme id
     */
    record Stats(int queueDepth, int inFlight, int waiting, long verified, long meanLatencyMicros,
            Map<String, Long> valid, Map<String, Long> invalid) {
        public Stats {
            valid = Map.copyOf(valid);
            invalid = Map.copyOf(invalid);
        }
    }
}
