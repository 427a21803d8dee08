package org.haca.proof.tee.internal.nitro;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a Nitro attestation must satisfy beyond being authentic.
 *
 * @param allowedPcr0 accepted enclave image measurements (lowercase hex, 96 chars); empty = nothing is accepted
 *        (fail closed)
 * @param allowedPcr1 accepted kernel/bootstrap measurements; empty = not constrained (PCR0 already covers the image)
 * @param allowedPcr2 accepted application measurements; empty = not constrained
 * @param maxAgeMillis how old the document timestamp may be at verification time
 * @param maxFutureSkewMillis how far the document timestamp may lie after the verification time (clock skew)
 * @param allowDebug whether a debug-mode enclave (PCR0 all zeros) may pass; never on a production network
 * @param registrationMaxAgeMillis key-registered results: how old the registration attestation may be
 */
public record NitroPolicy(Set<String> allowedPcr0, Set<String> allowedPcr1, Set<String> allowedPcr2,
        long maxAgeMillis, long maxFutureSkewMillis, boolean allowDebug, long registrationMaxAgeMillis) {

    public static final long DEFAULT_MAX_AGE_MILLIS = 10 * 60_000L;
    public static final long DEFAULT_MAX_FUTURE_SKEW_MILLIS = 60_000L;
    public static final long DEFAULT_REGISTRATION_MAX_AGE_MILLIS = 30L * 24 * 3_600_000L;

    public NitroPolicy(Set<String> allowedPcr0, Set<String> allowedPcr1, Set<String> allowedPcr2, long maxAgeMillis,
            long maxFutureSkewMillis, boolean allowDebug) {
        this(allowedPcr0, allowedPcr1, allowedPcr2, maxAgeMillis, maxFutureSkewMillis, allowDebug,
                DEFAULT_REGISTRATION_MAX_AGE_MILLIS);
    }

    public NitroPolicy {
        allowedPcr0 = normalise(allowedPcr0);
        allowedPcr1 = normalise(allowedPcr1);
        allowedPcr2 = normalise(allowedPcr2);
        if (maxAgeMillis < 0 || maxFutureSkewMillis < 0 || registrationMaxAgeMillis < 0) {
            throw new IllegalArgumentException("ages must not be negative");
        }
    }

    /** The production default: no measurement accepted until configured, debug enclaves rejected. */
    public static NitroPolicy production() {
        return new NitroPolicy(Set.of(), Set.of(), Set.of(), DEFAULT_MAX_AGE_MILLIS, DEFAULT_MAX_FUTURE_SKEW_MILLIS,
                false);
    }

    private static Set<String> normalise(Set<String> values) {
        return values == null ? Set.of()
                : values.stream().map(v -> v.trim().toLowerCase(Locale.ROOT)).filter(v -> !v.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
    }
}
