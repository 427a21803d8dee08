package org.haca.proof.tee.internal.nitro;


import static org.haca.proof.tee.internal.PolicyVerifier.setOf;

import org.haca.api.proof.Proof;
import org.haca.api.proof.ProofRequest;
import org.haca.api.proof.ProofSystem;
import org.haca.api.proof.Statement;
import org.haca.api.proof.Verdict;
import org.haca.api.proof.VerificationContext;
import org.haca.proof.tee.internal.CheckList;
import org.haca.proof.tee.internal.PolicyVerifier;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * {@code tee.nitro.v1}: verifies AWS Nitro attestation documents (proof payload = the COSE_Sign1 bytes as returned by
 * the Nitro Security Module, with {@code nonce} = statement nonce and {@code user_data} = the 64-byte HACA binding).
 * Verifier only: producing a document needs the NSM device inside an enclave, which a plain node does not have.
 *
 * <p>Key-registered variant (same scheme, told apart by the top-level CBOR type): a CBOR map
 * {@code {"registration": COSE_Sign1 document, "signature": r ‖ s}} where the registration document attests the
 * enclave's result key in {@code public_key} and each result is signed with it; see {@link NitroVerifier}.
 */
@Component(service = ProofSystem.class, configurationPid = NitroProofSystem.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, property = "haca.proof.scheme=" + NitroProofSystem.SCHEME)
@Designate(ocd = NitroConfig.class)
public final class NitroProofSystem implements ProofSystem {
    public static final String SCHEME = "tee.nitro.v1";
    public static final String PID = "org.haca.proof.tee.nitro";

    private final PolicyVerifier<NitroConfig, NitroVerifier> verifier;

    /** Cheap on purpose: the pinned root and the curves load on the first verify, off the framework's start thread. */
    @Activate
    public NitroProofSystem(BundleContext context, NitroConfig config) {
        boolean devMode = "true".equals(context.getProperty("haca.dev"));
        this.verifier = new PolicyVerifier<>(config, NitroVerifier::pinnedRoot, NitroConfig::chainCacheSize,
                (chains, c) -> new NitroVerifier(chains, policyOf(c, devMode)));
    }

    /** A new policy applies to the next verify; the chain cache (and its size) is kept. */
    @Modified
    void modified(NitroConfig config) {
        verifier.reconfigure(config);
    }

    /** The verifier for the current policy; fails (IllegalStateException) only when the pinned root is unusable. */
    NitroVerifier verifier() {
        return verifier.get();
    }

    static NitroPolicy policyOf(NitroConfig c, boolean devMode) {
        return new NitroPolicy(setOf(c.allowedPcr0()), setOf(c.allowedPcr1()), setOf(c.allowedPcr2()),
                Math.max(0, c.maxAgeMillis()), Math.max(0, c.maxFutureSkewMillis()), c.allowDebug() && devMode,
                Math.max(0, c.registrationMaxAgeMillis()));
    }

    @Override
    public String schemeId() {
        return SCHEME;
    }

    @Override
    public boolean canProve() {
        return false;
    }

    @Override
    public Proof prove(ProofRequest request) {
        throw new UnsupportedOperationException("this node has no Nitro Security Module; tee.nitro.v1 is verify-only here");
    }

    @Override
    public Verdict verify(Proof proof, Statement statement, VerificationContext context) {
        if (proof == null || statement == null || context == null) {
            CheckList c = new CheckList();
            c.fail("format", "proof, statement and context are required");
            return c.verdict();
        }
        if (!SCHEME.equals(proof.scheme())) {
            CheckList c = new CheckList();
            c.fail("scheme", "proof scheme " + proof.scheme() + " is not " + SCHEME);
            return c.verdict();
        }
        NitroVerifier v;
        try {
            v = verifier();
        } catch (IllegalStateException e) {
            CheckList c = new CheckList();
            c.fail("root", "pinned AWS Nitro root unavailable: " + e.getMessage());
            return c.verdict();
        }
        return v.verify(proof.payload(), statement, context.at());
    }
}
