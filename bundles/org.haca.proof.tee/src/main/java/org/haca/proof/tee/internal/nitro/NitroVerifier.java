package org.haca.proof.tee.internal.nitro;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.haca.api.proof.Statement;
import org.haca.api.proof.Verdict;
import org.haca.proof.tee.internal.CheckList;
import org.haca.proof.tee.internal.Hex;
import org.haca.api.proof.TeeBinding;
import org.haca.proof.tee.internal.cbor.CborException;
import org.haca.proof.tee.internal.crypto.Certs;
import org.haca.proof.tee.internal.crypto.ChainValidator;
import org.haca.proof.tee.internal.crypto.CryptoException;
import org.haca.proof.tee.internal.crypto.Digests;
import org.haca.proof.tee.internal.crypto.Ecdsa;

/**
 * Verifies an AWS Nitro attestation document against a statement, a policy and a time. Pure: the result depends only
 * on (document, statement, policy, time); the chain cache only saves work.
 *
 * <p>Checks, in order: {@code format}, {@code algorithm} (protected header = {1: -35}, ES384), {@code digest}
 * ("SHA384"), {@code root} (cabundle[0] is the pinned AWS Nitro Root-G1), {@code certificate_chain} (leaf →
 * cabundle[n-1] … cabundle[1] → pinned root), {@code certificate_validity} (verification time inside every
 * certificate's window), {@code signature} (ES384 over the COSE Sig_structure with the leaf key), {@code timestamp}
 * (age within policy), {@code debug} (PCR0 all zeros), {@code pcrs} (allow-list), {@code nonce} (document nonce =
 * statement nonce bytes), {@code binding} (user_data = {@link TeeBinding}). Every check after {@code format} is
 * always evaluated and listed, so a document that fails one still shows what else verified.
 */
public final class NitroVerifier {
    /** SHA-256 over the DER of the AWS Nitro Enclaves Root-G1 certificate. */
    public static final String ROOT_G1_SHA256 = "641a0321a3e244efe456463195d606317ed7cdcc3c1756e09893f3c68f79bb5b";
    public static final String ROOT_RESOURCE = "/org/haca/proof/tee/internal/nitro-root-g1.pem";

    private final ChainValidator chains;
    private final byte[] rootDer;
    private final NitroPolicy policy;

    public NitroVerifier(ChainValidator chains, NitroPolicy policy) {
        this.chains = chains;
        this.policy = policy;
        try {
            this.rootDer = chains.root().getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static X509Certificate pinnedRoot() {
        return Certs.loadPinned(NitroVerifier.class, ROOT_RESOURCE, ROOT_G1_SHA256);
    }

    public NitroPolicy policy() {
        return policy;
    }

    /** Total: never throws. */
    public Verdict verify(byte[] document, Statement statement, Instant at) {
        CheckList checks = new CheckList();
        try {
            if (document != null && document.length > 0 && (document[0] & 0xe0) == 0xa0) {
                verifyKeyRegistered(document, statement, at, checks);
                return checks.verdict();
            }
            NitroDocument doc;
            try {
                doc = NitroDocument.parse(document);
            } catch (CborException e) {
                checks.fail("format", "not a Nitro attestation document: " + e.getMessage());
                return checks.verdict();
            }
            checks.pass("format", "COSE_Sign1 attestation document from " + doc.moduleId());
            verifyDocument(doc, at, checks);
            checkStatement(doc.nonce(), doc.userData(), statement, checks);
            return checks.verdict();
        } catch (RuntimeException e) {
            // defensive: a parser bug must still be a clean rejection
            checks.fail("internal", "verification aborted: " + e.getClass().getSimpleName());
            return checks.verdict();
        }
    }

    /** Domain tag of the registration binding in a key registration's {@code user_data}. */
    public static final byte[] KEY_DOMAIN = "HACA-TEE-KEY/v1\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** Domain tag prefixed to the statement binding before the enclave key signs it. */
    public static final byte[] RESULT_DOMAIN = "HACA-TEE-RESULT/v1\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * {@code user_data} of a key registration: SHA-512("HACA-TEE-KEY/v1\0" ‖ u32be(len) ‖ UTF-8(networkId) ‖
     * SHA-256(public_key DER)), so a registration is valid for one network and one key.
     */
    public static byte[] keyRegistrationBinding(String networkId, byte[] publicKeySpki) {
        byte[] net = networkId.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.security.MessageDigest md = Digests.get("SHA-512");
        md.update(KEY_DOMAIN);
        md.update(new byte[] { (byte) (net.length >>> 24), (byte) (net.length >>> 16), (byte) (net.length >>> 8),
                (byte) net.length });
        md.update(net);
        md.update(Digests.sha256(publicKeySpki));
        return md.digest();
    }

    /** What the enclave key signs for one result: "HACA-TEE-RESULT/v1\0" ‖ the 64-byte statement binding. */
    public static byte[] resultMessage(Statement statement) {
        byte[] binding = TeeBinding.of(statement);
        byte[] m = java.util.Arrays.copyOf(RESULT_DOMAIN, RESULT_DOMAIN.length + binding.length);
        System.arraycopy(binding, 0, m, RESULT_DOMAIN.length, binding.length);
        return m;
    }

    /**
     * Key-registered result: the registration document is checked as at its own timestamp (its certificates live
     * three hours; the registration is on record), its age against {@code registrationMaxAgeMillis}, its
     * {@code user_data} against {@link #keyRegistrationBinding}, and the result signature (ECDSA with the attested
     * P-256 or P-384 key over SHA-256 / SHA-384 of {@link #resultMessage}, r ‖ s) against the statement.
     */
    private void verifyKeyRegistered(byte[] envelope, Statement statement, Instant at, CheckList checks) {
        NitroDocument reg;
        byte[] sig;
        try {
            Object top = org.haca.proof.tee.internal.cbor.Cbor.decode(envelope);
            if (!(top instanceof Map<?, ?> m) || m.size() != 2 || !(m.get("registration") instanceof byte[] r)
                    || !(m.get("signature") instanceof byte[] s)) {
                throw new CborException("key-registered proof must be {\"registration\": bstr, \"signature\": bstr}");
            }
            reg = NitroDocument.parse(r);
            sig = s;
        } catch (CborException e) {
            checks.fail("format", "not a key-registered Nitro proof: " + e.getMessage());
            return;
        }
        checks.pass("format", "key-registered result; registration attested by " + reg.moduleId());
        Instant regTime = Instant.ofEpochMilli(reg.timestamp());
        verifyDocument(reg, regTime, checks);
        long age = at.toEpochMilli() - reg.timestamp();
        boolean ageOk = age <= policy.registrationMaxAgeMillis() && -age <= policy.maxFutureSkewMillis();
        checks.add("registration_age", ageOk, "registration at " + regTime + ", age " + age + " ms (allowed "
                + policy.registrationMaxAgeMillis() + ")");
        ECPublicKeyParameters key = null;
        if (reg.publicKey() == null) {
            checks.fail("registration", "registration document has no public_key");
        } else {
            try {
                key = Ecdsa.fromSpki(reg.publicKey());
                byte[] expected = keyRegistrationBinding(statement.networkId(), reg.publicKey());
                boolean ok = reg.userData() != null && java.security.MessageDigest.isEqual(reg.userData(), expected);
                checks.add("registration", ok, ok ? "user_data registers this key for network " + statement.networkId()
                        : "user_data does not register this key for network " + statement.networkId());
            } catch (CryptoException e) {
                checks.fail("registration", "public_key: " + e.getMessage());
            }
        }
        byte[] message;
        try {
            message = resultMessage(statement);
        } catch (IllegalArgumentException | NullPointerException e) {
            checks.fail("binding", "statement cannot be bound: " + e.getMessage());
            return;
        }
        boolean p384 = key != null && key.getParameters().getN().bitLength() == 384;
        boolean sigOk = key != null && Ecdsa.verifyRaw(key,
                Digests.get(p384 ? "SHA-384" : "SHA-256").digest(message), sig);
        checks.add("binding", sigOk, sigOk ? "result signature by the registered enclave key binds the statement"
                : "result signature does not verify for this statement with the registered key");
    }

    /** All checks that do not involve the statement. Returns the leaf key when the chain verified (else null). */
    public ECPublicKeyParameters verifyDocument(NitroDocument doc, Instant at, CheckList checks) {
        Object alg = doc.protectedMap().get(1L);
        checks.add("algorithm", doc.protectedMap().size() == 1 && Long.valueOf(-35).equals(alg),
                Long.valueOf(-35).equals(alg) && doc.protectedMap().size() == 1 ? "ES384"
                        : "protected header must be exactly {1: -35} (ES384), got " + doc.protectedMap());
        checks.add("digest", "SHA384".equals(doc.digest()), "digest " + doc.digest());

        boolean rootOk = Arrays.equals(doc.cabundle().get(0), rootDer);
        checks.add("root", rootOk, rootOk ? "cabundle[0] is the pinned AWS Nitro Root-G1 (sha256 " + ROOT_G1_SHA256
                + ")" : "cabundle[0] is not the pinned AWS Nitro Root-G1");

        ChainValidator.Validated chain = null;
        List<byte[]> leafFirst = new ArrayList<>();
        leafFirst.add(doc.certificate());
        for (int i = doc.cabundle().size() - 1; i >= 1; i--) {
            leafFirst.add(doc.cabundle().get(i));
        }
        try {
            chain = chains.validate(leafFirst);
            checks.pass("certificate_chain", "leaf " + chain.leaf().getSubjectX500Principal().getName() + " → "
                    + (leafFirst.size() - 1) + " intermediates → pinned root");
        } catch (CryptoException e) {
            checks.fail("certificate_chain", e.getMessage());
        }
        if (chain != null) {
            checks.add("certificate_validity", chain.validAt(at),
                    (chain.validAt(at) ? "valid at " : "not valid at ") + at + "; chain window " + chain.window());
        } else {
            checks.fail("certificate_validity", "no verified chain");
        }

        ECPublicKeyParameters leafKey = chain != null ? chain.leafKey() : leafKeyUnverified(doc.certificate());
        boolean sigOk = leafKey != null && leafKey.getParameters().getN().bitLength() == 384
                && Ecdsa.verifyRaw(leafKey, Digests.get("SHA-384").digest(doc.sigStructure()), doc.signature());
        checks.add("signature", sigOk, sigOk ? "ES384 COSE_Sign1 signature verifies with the leaf key"
                : "ES384 COSE_Sign1 signature does not verify with the leaf key");

        long age = at.toEpochMilli() - doc.timestamp();
        boolean fresh = age <= policy.maxAgeMillis() && -age <= policy.maxFutureSkewMillis();
        checks.add("timestamp", fresh, "document time " + Instant.ofEpochMilli(doc.timestamp()) + ", age " + age
                + " ms (allowed -" + policy.maxFutureSkewMillis() + ".." + policy.maxAgeMillis() + ")");

        byte[] pcr0 = doc.pcrs().get(0);
        boolean debug = pcr0 == null || isZero(pcr0);
        checks.add("debug", !debug || policy.allowDebug(),
                debug ? "debug-mode enclave (PCR0 all zeros)" + (policy.allowDebug() ? " allowed by policy"
                        : " rejected by policy") : "production enclave");
        checkPcrs(doc.pcrs(), checks);
        return chain != null ? chain.leafKey() : null;
    }

    private void checkPcrs(Map<Integer, byte[]> pcrs, CheckList checks) {
        List<String> problems = new ArrayList<>();
        String pcr0 = pcrs.containsKey(0) ? Hex.encode(pcrs.get(0)) : null;
        if (pcr0 == null || !policy.allowedPcr0().contains(pcr0)) {
            problems.add(policy.allowedPcr0().isEmpty() ? "no PCR0 allow-list configured"
                    : "PCR0 " + pcr0 + " not allowed");
        }
        allowed(pcrs, 1, policy.allowedPcr1(), problems);
        allowed(pcrs, 2, policy.allowedPcr2(), problems);
        checks.add("pcrs", problems.isEmpty(), problems.isEmpty() ? "PCR0 " + pcr0 + " allowed" : String.join("; ",
                problems));
    }

    private static void allowed(Map<Integer, byte[]> pcrs, int idx, Set<String> allowed, List<String> problems) {
        if (allowed.isEmpty()) {
            return;
        }
        String v = pcrs.containsKey(idx) ? Hex.encode(pcrs.get(idx)) : null;
        if (v == null || !allowed.contains(v)) {
            problems.add("PCR" + idx + " " + v + " not allowed");
        }
    }

    /** nonce and binding checks against the statement. */
    static void checkStatement(byte[] docNonce, byte[] userData, Statement statement, CheckList checks) {
        byte[] nonce = statement == null ? null : TeeBinding.nonceBytes(statement);
        if (nonce == null) {
            checks.fail("nonce", "statement nonce is not lowercase hex");
        } else if (docNonce == null) {
            checks.fail("nonce", "document has no nonce (not a HACA attestation)");
        } else {
            boolean ok = java.security.MessageDigest.isEqual(docNonce, nonce);
            checks.add("nonce", ok, ok ? "document nonce equals the statement nonce"
                    : "document nonce differs from the statement nonce");
        }
        byte[] expected;
        try {
            expected = TeeBinding.of(statement);
        } catch (IllegalArgumentException | NullPointerException e) {
            checks.fail("binding", "statement cannot be bound: " + e.getMessage());
            return;
        }
        if (userData == null) {
            checks.fail("binding", "binding: not HACA (document has no user_data)");
        } else if (userData.length != 64) {
            checks.fail("binding", "binding: not HACA (user_data is " + userData.length + " bytes, expected 64)");
        } else {
            boolean ok = java.security.MessageDigest.isEqual(userData, expected);
            checks.add("binding", ok, ok ? "user_data = SHA-512 binding of the statement"
                    : "user_data does not bind this statement (network, hashes, nonce or timestamp differ)");
        }
    }

    private static ECPublicKeyParameters leafKeyUnverified(byte[] der) {
        try {
            return Ecdsa.fromSpki(Certs.parseDer(der).getPublicKey().getEncoded());
        } catch (CryptoException | RuntimeException e) {
            return null;
        }
    }

    static boolean isZero(byte[] b) {
        int acc = 0;
        for (byte x : b) {
            acc |= x;
        }
        return acc == 0;
    }
}
