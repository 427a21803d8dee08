package org.haca.api.proof;

import java.time.Instant;
import java.util.Objects;

/**
 * Conditions of one verification. {@code at} is the instant certificates, attestation age and collateral are judged
 * against: live verification passes now; audits and tests pass a fixed instant (for example the time a document was
 * produced), which makes verification of recorded proofs reproducible.
 */
public record VerificationContext(Instant at) {
    public VerificationContext {
        Objects.requireNonNull(at, "at");
    }

    public static VerificationContext now() {
        return new VerificationContext(Instant.now());
    }
}
