package org.haca.proof.tee.internal.tdx;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a TDX quote must satisfy beyond being authentic.
 *
 * @param allowedMrtd accepted TD measurements (lowercase hex, 96 chars); empty = nothing accepted (fail closed)
 * @param acceptedTcbStatuses TCB statuses accepted (default only {@code UpToDate})
 * @param allowDebug whether a debug TD (TD_ATTRIBUTES.DEBUG) may pass
 */
public record TdxPolicy(Set<String> allowedMrtd, Set<String> acceptedTcbStatuses, boolean allowDebug) {
    public TdxPolicy {
        allowedMrtd = allowedMrtd == null ? Set.of()
                : allowedMrtd.stream().map(v -> v.trim().toLowerCase(Locale.ROOT)).filter(v -> !v.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
        acceptedTcbStatuses = acceptedTcbStatuses == null || acceptedTcbStatuses.isEmpty() ? Set.of("UpToDate")
                : Set.copyOf(acceptedTcbStatuses);
    }

    public static TdxPolicy production() {
        return new TdxPolicy(Set.of(), Set.of("UpToDate"), false);
    }
}
