package org.haca.proof.tee.simulator.internal;

import org.haca.api.proof.TeeBinding;
import java.util.HexFormat;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.haca.api.proof.Proof;
import org.haca.api.proof.ProofException;
import org.haca.api.proof.ProofRequest;
import org.haca.api.proof.ProofSystem;
import org.haca.api.proof.Statement;
import org.haca.api.proof.Verdict;
import org.haca.api.proof.VerificationContext;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@code tee.simulated.v1}: a dev-only stand-in for an enclave. At activation it generates a throw-away Ed25519 key
 * (never stored); {@link #prove} signs the same 64-byte binding a real enclave would put in its attestation. Proofs
 * carry the attribute {@code label=SIMULATED}.
 *
 * <p>The production rejection lives here, in {@link #verify}: unless the framework property {@code haca.dev} is
 * {@code "true"}, every simulated proof is invalid (check {@code simulated}), even when this bundle is installed on a
 * production node. A simulated proof proves nothing: anyone can make one with their own key.
 *
 * <p>Payload: {@code "HACA-SIM/v1\0"} ‖ u16be(len(spki)) ‖ spki (X.509 Ed25519 public key) ‖ binding (64) ‖
 * u16be(len(sig)) ‖ sig, where sig = Ed25519 over every byte before the signature length.
 */
@Component(service = ProofSystem.class, property = "haca.proof.scheme=" + SimulatedProofSystem.SCHEME)
public final class SimulatedProofSystem implements ProofSystem {
    public static final String SCHEME = "tee.simulated.v1";
    static final byte[] MAGIC = "HACA-SIM/v1\0".getBytes(StandardCharsets.US_ASCII);

    private final boolean devMode;
    private final KeyPair key;

    @Activate
    public SimulatedProofSystem(BundleContext context) {
        this("true".equals(context.getProperty("haca.dev")));
    }

    SimulatedProofSystem(boolean devMode) {
        this.devMode = devMode;
        try {
            this.key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 missing from the JRE", e);
        }
    }

    @Override
    public String schemeId() {
        return SCHEME;
    }

    /** True on dev nodes only: outside dev mode its proofs would be rejected anyway. */
    @Override
    public boolean canProve() {
        return devMode;
    }

    @Override
    public Proof prove(ProofRequest request) throws ProofException {
        if (!devMode) {
            throw new ProofException("the TEE simulator proves only on dev nodes (haca.dev=true)");
        }
        byte[] binding;
        try {
            binding = TeeBinding.of(request.statement());
        } catch (IllegalArgumentException e) {
            throw new ProofException("statement cannot be bound: " + e.getMessage());
        }
        byte[] spki = key.getPublic().getEncoded();
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(MAGIC);
        u16(out, spki.length);
        out.writeBytes(spki);
        out.writeBytes(binding);
        byte[] signed = out.toByteArray();
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key.getPrivate());
            s.update(signed);
            byte[] sig = s.sign();
            u16(out, sig.length);
            out.writeBytes(sig);
        } catch (GeneralSecurityException e) {
            throw new ProofException("signing failed: " + e.getMessage(), e);
        }
        return new Proof(SCHEME, out.toByteArray(), Map.of("label", "SIMULATED", "simulated", "true", "publicKey",
                HexFormat.of().formatHex(spki), "binding", HexFormat.of().formatHex(binding)));
    }

    @Override
    public Verdict verify(Proof proof, Statement statement, VerificationContext context) {
        List<Verdict.Check> checks = new ArrayList<>();
        try {
            checks.add(new Verdict.Check("simulated", devMode, devMode
                    ? "SIMULATED enclave: accepted only because this is a dev node (haca.dev=true)"
                    : "SIMULATED enclave proofs are rejected outside dev mode (haca.dev is not true)"));
            if (proof == null || statement == null || !SCHEME.equals(proof.scheme())) {
                checks.add(new Verdict.Check("format", false, "a " + SCHEME + " proof and a statement are required"));
                return verdict(checks);
            }
            byte[] p = proof.payload();
            Parsed parsed = parse(p);
            if (parsed == null) {
                checks.add(new Verdict.Check("format", false, "not a " + SCHEME + " payload"));
                return verdict(checks);
            }
            checks.add(new Verdict.Check("format", true, "simulated attestation, Ed25519 key " + HexFormat.of().formatHex(parsed.spki)));
            boolean sigOk;
            try {
                PublicKey pub = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(parsed.spki));
                Signature s = Signature.getInstance("Ed25519");
                s.initVerify(pub);
                s.update(p, 0, parsed.signedLength);
                sigOk = s.verify(parsed.sig);
            } catch (GeneralSecurityException | RuntimeException e) {
                sigOk = false;
            }
            checks.add(new Verdict.Check("signature", sigOk, sigOk ? "Ed25519 signature verifies"
                    : "Ed25519 signature does not verify"));
            try {
                boolean ok = MessageDigest.isEqual(parsed.binding, TeeBinding.of(statement));
                checks.add(new Verdict.Check("binding", ok, ok ? "binding = SHA-512 binding of the statement"
                        : "binding does not match the statement (network, hashes, nonce or timestamp differ)"));
            } catch (IllegalArgumentException e) {
                checks.add(new Verdict.Check("binding", false, "statement cannot be bound: " + e.getMessage()));
            }
            return verdict(checks);
        } catch (RuntimeException e) {
            checks.add(new Verdict.Check("internal", false, "verification aborted: " + e.getClass().getSimpleName()));
            return verdict(checks);
        }
    }

    private record Parsed(byte[] spki, byte[] binding, byte[] sig, int signedLength) {
    }

    private static Parsed parse(byte[] p) {
        int pos = MAGIC.length;
        if (p.length < pos + 2 || !Arrays.equals(p, 0, pos, MAGIC, 0, pos)) {
            return null;
        }
        int spkiLen = ((p[pos] & 0xff) << 8) | (p[pos + 1] & 0xff);
        pos += 2;
        if (spkiLen == 0 || spkiLen > 128 || p.length < pos + spkiLen + 64 + 2) {
            return null;
        }
        byte[] spki = Arrays.copyOfRange(p, pos, pos + spkiLen);
        pos += spkiLen;
        byte[] binding = Arrays.copyOfRange(p, pos, pos + 64);
        pos += 64;
        int signedLength = pos;
        int sigLen = ((p[pos] & 0xff) << 8) | (p[pos + 1] & 0xff);
        pos += 2;
        if (sigLen != 64 || p.length != pos + sigLen) {
            return null;
        }
        return new Parsed(spki, binding, Arrays.copyOfRange(p, pos, pos + sigLen), signedLength);
    }

    private static Verdict verdict(List<Verdict.Check> checks) {
        for (Verdict.Check c : checks) {
            if (!c.passed()) {
                return Verdict.invalid(c.name() + ": " + c.detail(), checks);
            }
        }
        return Verdict.valid(checks);
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }
}
