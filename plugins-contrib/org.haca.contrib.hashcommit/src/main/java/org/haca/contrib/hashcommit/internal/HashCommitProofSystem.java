package org.haca.contrib.hashcommit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.haca.api.proof.Proof;
import org.haca.api.proof.ProofRequest;
import org.haca.api.proof.ProofSystem;
import org.haca.api.proof.Statement;
import org.haca.api.proof.VerificationContext;
import org.haca.api.proof.Verdict;
import org.haca.api.proof.Verdict.Check;
import org.osgi.service.component.annotations.Component;

/**
 * Example proof system for plugin authors: the "proof" is a SHA-256 commitment over the statement. It shows the shape
 * of a {@link ProofSystem} plugin (scheme id, total and deterministic verify, checks listed) and is what the
 * hot-deploy tests drop into {@code plugins/}.
 *
 * <p>It proves only that the proof was made for exactly this statement (integrity), NOT that the output is correct:
 * anyone can compute it. Never rely on it for settlement.
 */
@Component(service = ProofSystem.class)
public final class HashCommitProofSystem implements ProofSystem {
    public static final String SCHEME = "contrib.hashcommit.v1";
    private static final byte[] DOMAIN = "HACA-HASHCOMMIT/v1\0".getBytes(StandardCharsets.US_ASCII);

    @Override
    public String schemeId() {
        return SCHEME;
    }

    @Override
    public boolean canProve() {
        return true;
    }

    @Override
    public Proof prove(ProofRequest request) {
        return new Proof(SCHEME, commitment(request.statement()), Map.of("note", "integrity only"));
    }

    @Override
    public Verdict verify(Proof proof, Statement statement, VerificationContext context) {
        List<Check> checks = new ArrayList<>();
        boolean schemeOk = SCHEME.equals(proof.scheme());
        checks.add(new Check("scheme", schemeOk, proof.scheme()));
        if (!schemeOk) {
            return Verdict.invalid("proof is of scheme " + proof.scheme() + ", not " + SCHEME, checks);
        }
        boolean match = MessageDigest.isEqual(commitment(statement), proof.payload());
        checks.add(new Check("commitment", match, match ? "matches the statement" : "does not match the statement"));
        return match ? Verdict.valid(checks) : Verdict.invalid("commitment does not match the statement", checks);
    }

    static byte[] commitment(Statement s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(DOMAIN);
            for (String field : new String[] {s.networkId(), s.modelHash(), s.inputHash(), s.outputHash(), s.nonce(),
                    Long.toString(s.timestampMillis())}) {
                byte[] b = field.getBytes(StandardCharsets.UTF_8);
                md.update(new byte[] {(byte) (b.length >>> 24), (byte) (b.length >>> 16), (byte) (b.length >>> 8),
                        (byte) b.length});
                md.update(b);
            }
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
