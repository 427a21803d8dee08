package org.haca.api.proof;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of verifying a proof. {@code reason} is a short human-readable sentence; when invalid it names the first
 * check that failed. {@code checks} lists each check performed, in order, so operators can see what was verified.
 */
public record Verdict(boolean valid, String reason, List<Check> checks) {
    public Verdict {
        Objects.requireNonNull(reason, "reason");
        checks = List.copyOf(checks);
    }

    /** One named check, for example {@code "signature"} or {@code "pcr0"}. */
    public record Check(String name, boolean passed, String detail) {
        public Check {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(detail, "detail");
        }
    }

    public static Verdict valid(List<Check> checks) {
        return new Verdict(true, "all checks passed", checks);
    }

    public static Verdict invalid(String reason, List<Check> checks) {
        return new Verdict(false, reason, checks);
    }
}
