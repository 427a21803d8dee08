package org.haca.api.proof;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * A proof produced by a {@link ProofSystem}: its scheme id, an opaque payload in the scheme's own format (for example a
 * COSE_Sign1 attestation document or a snarkjs {@code proof.json}), and small public attributes for display.
 */
public final class Proof {
    private final String scheme;
    private final byte[] payload;
    private final Map<String, String> attributes;

    public Proof(String scheme, byte[] payload, Map<String, String> attributes) {
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        this.payload = payload.clone();
        this.attributes = Map.copyOf(attributes);
    }

    public String scheme() {
        return scheme;
    }

    /** The scheme-specific bytes (a copy). */
    public byte[] payload() {
        return payload.clone();
    }

    public int size() {
        return payload.length;
    }

    public Map<String, String> attributes() {
        return attributes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Proof p && scheme.equals(p.scheme) && Arrays.equals(payload, p.payload)
                && attributes.equals(p.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scheme, Arrays.hashCode(payload), attributes);
    }

    @Override
    public String toString() {
        return "Proof[" + scheme + ", " + payload.length + " bytes]";
    }
}
