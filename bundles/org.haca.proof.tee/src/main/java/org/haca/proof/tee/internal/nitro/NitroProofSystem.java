package org.haca.proof.tee.internal.nitro;

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
 * {@code tee.nitro.v1}: verifies AWS Nitro attestation documents (proof payload = the COSE_Sign1 bytes as returned by
 * the Nitro Security Module, with {@code nonce} = statement nonce and {@code user_data} = the 64-byte HACA binding).
 * Verifier only: producing a document needs the NSM device inside an enclave, which a plain node does not have.
 */
@Component(service = ProofSystem.class, configurationPid = NitroProofSystem.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, property = "haca.proof.scheme=" + NitroProofSystem.SCHEME)
@Designate(ocd = NitroConfig.class)
public final class NitroProofSystem implements ProofSystem {
    public static final String SCHEME = "tee.nitro.v1";
    public static final String PID = "org.haca.proof.tee.nitro";

    private final boolean devMode;
    private final ChainValidator chains;
    private volatile NitroVerifier verifier;

    @Activate
    public NitroProofSystem(BundleContext context, NitroConfig config) {
        this.devMode = "true".equals(context.getProperty("haca.dev"));
        this.chains = new ChainValidator(NitroVerifier.pinnedRoot(), Math.max(0, config.chainCacheSize()));
        modified(config);
    }

    @Modified
    void modified(NitroConfig config) {
        this.verifier = new NitroVerifier(chains, policyOf(config, devMode));
    }

    static NitroPolicy policyOf(NitroConfig c, boolean devMode) {
        return new NitroPolicy(Set.of(c.allowedPcr0()), Set.of(c.allowedPcr1()), Set.of(c.allowedPcr2()),
                Math.max(0, c.maxAgeMillis()), Math.max(0, c.maxFutureSkewMillis()), c.allowDebug() && devMode);
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
        return verifier.verify(proof.payload(), statement, context.at());
    }
}
