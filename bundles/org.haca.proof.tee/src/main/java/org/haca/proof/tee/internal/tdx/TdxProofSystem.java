package org.haca.proof.tee.internal.tdx;


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
 * {@code tee.tdx.v1}: verifies Intel TDX DCAP v4 quotes with their collateral (payload: UTF-8 JSON
 * {@code {"quote": base64, "collateral": QuoteCollateralV3}}; REPORTDATA = the 64-byte HACA binding). Verifier only.
 */
@Component(service = ProofSystem.class, configurationPid = TdxProofSystem.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, property = "haca.proof.scheme=" + TdxProofSystem.SCHEME)
@Designate(ocd = TdxConfig.class)
public final class TdxProofSystem implements ProofSystem {
    public static final String SCHEME = "tee.tdx.v1";
    public static final String PID = "org.haca.proof.tee.tdx";

    private final PolicyVerifier<TdxConfig, TdxVerifier> verifier;

    /** Cheap on purpose: the pinned root and the curves load on the first verify, off the framework's start thread. */
    @Activate
    public TdxProofSystem(BundleContext context, TdxConfig config) {
        boolean devMode = "true".equals(context.getProperty("haca.dev"));
        this.verifier = new PolicyVerifier<>(config, TdxVerifier::pinnedRoot, TdxConfig::chainCacheSize,
                (chains, c) -> new TdxVerifier(chains, new TdxPolicy(setOf(c.allowedMrtd()),
                        setOf(c.acceptedTcbStatuses()), c.allowDebug() && devMode)));
    }

    /** A new policy applies to the next verify; the chain cache (and its size) is kept. */
    @Modified
    void modified(TdxConfig c) {
        verifier.reconfigure(c);
    }

    TdxVerifier verifier() {
        return verifier.get();
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
        throw new UnsupportedOperationException("this node is not a TD; tee.tdx.v1 is verify-only here");
    }

    @Override
    public Verdict verify(Proof proof, Statement statement, VerificationContext context) {
        if (proof == null || statement == null || context == null || !SCHEME.equals(proof.scheme())) {
            CheckList c = new CheckList();
            c.fail("format", "a " + SCHEME + " proof, a statement and a context are required");
            return c.verdict();
        }
        TdxVerifier v;
        try {
            v = verifier();
        } catch (IllegalStateException | IllegalArgumentException e) {
            CheckList c = new CheckList();
            c.fail("root", "pinned Intel SGX root or policy unavailable: " + e.getMessage());
            return c.verdict();
        }
        return v.verify(proof.payload(), statement, context.at());
    }
}
