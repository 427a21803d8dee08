package org.haca.proof.tee.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Set;

import org.haca.api.proof.Statement;
import org.haca.api.proof.Verdict;
import org.haca.proof.tee.internal.crypto.ChainValidator;
import org.haca.proof.tee.internal.nitro.NitroPolicy;
import org.haca.proof.tee.internal.nitro.NitroVerifier;

/** Test helpers: the third-party vectors copied from ../shared/vectors (see src/test/resources/vectors/README.md). */
public final class Vectors {
    public static final String YAWN = "nitro/yawn-attestation.cose";
    public static final String BLINDAI = "nitro/blindai-debug-attestation.cbor";
    public static final String SUI = "nitro/sui-attestation.cbor";

    public static final Instant YAWN_AT = Instant.ofEpochMilli(1736179625000L);
    public static final Instant BLINDAI_AT = Instant.ofEpochMilli(1679495307405L);
    public static final Instant SUI_AT = Instant.ofEpochMilli(1731627987382L);

    public static final String YAWN_PCR0 =
            "8bb159f202bb95d6d4d98e0e103918246cea734f1d57cd263e4fd56075ed53f6fa8c68854817a32749a241e11874c26b";
    public static final String ZERO48 = "00".repeat(48);

    public static final Statement SOME_STATEMENT = new Statement("haca-test", "11".repeat(32), "22".repeat(32),
            "33".repeat(32), "0102", 1_700_000_000_000L);

    private static final X509Certificate ROOT = NitroVerifier.pinnedRoot();

    private Vectors() {
    }

    public static byte[] load(String name) {
        try (InputStream in = Vectors.class.getResourceAsStream("/vectors/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test vector " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Accepts the measurements of the vectors (PCR0 of yawn, and the all-zero PCR0 of the debug ones when allowed). */
    public static NitroPolicy vectorPolicy(boolean allowDebug) {
        return new NitroPolicy(Set.of(YAWN_PCR0, ZERO48), Set.of(), Set.of(), NitroPolicy.DEFAULT_MAX_AGE_MILLIS,
                NitroPolicy.DEFAULT_MAX_FUTURE_SKEW_MILLIS, allowDebug);
    }

    public static NitroVerifier verifier(NitroPolicy policy) {
        return new NitroVerifier(new ChainValidator(ROOT, 64), policy);
    }

    public static NitroVerifier uncachedVerifier(NitroPolicy policy) {
        return new NitroVerifier(new ChainValidator(ROOT, 0), policy);
    }

    public static Verdict.Check check(Verdict v, String name) {
        return v.checks().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + v));
    }

    public static boolean passed(Verdict v, String name) {
        return v.checks().stream().anyMatch(c -> c.name().equals(name) && c.passed());
    }

    public static boolean failed(Verdict v, String name) {
        return v.checks().stream().anyMatch(c -> c.name().equals(name) && !c.passed());
    }
}
