package org.haca.proof.tee.internal.tdx;

import java.util.Set;

import org.haca.api.proof.Proof;
import org.haca.api.proof.ProofRequest;
import org.haca.api.proof.ProofSystem;
import org.haca.api.proof.Statement;
import org.haca.api.proof.Verdict;
import org.haca.api.proof.VerificationContext;
import org.haca.proof.tee.internal.CheckList;
import org.haca.proof.tee.internal.crypto.ChainValidator;
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

    private final boolean devMode;
    private final ChainValidator chains;
    private volatile TdxVerifier verifier;

    @Activate
    public TdxProofSystem(BundleContext context, TdxConfig config) {
        this.devMode = "true".equals(context.getProperty("haca.dev"));
        this.chains = new ChainValidator(TdxVerifier.pinnedRoot(), Math.max(0, config.chainCacheSize()));
        modified(config);
    }

    @Modified
    void modified(TdxConfig c) {
        this.verifier = new TdxVerifier(chains, new TdxPolicy(Set.of(c.allowedMrtd()), Set.of(c.acceptedTcbStatuses()),
                c.allowDebug() && devMode));
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
        return verifier.verify(proof.payload(), statement, context.at());
    }
}
