package org.haca.proof.tee.internal.nitro;

import static org.haca.proof.tee.internal.Vectors.failed;
import static org.haca.proof.tee.internal.Vectors.passed;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.haca.api.proof.Statement;
import org.haca.api.proof.Verdict;
import org.haca.proof.tee.internal.Hex;
import org.haca.proof.tee.internal.TestCa;
import org.haca.proof.tee.internal.TestCbor;
import org.haca.proof.tee.internal.crypto.ChainValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The key-registration variant: one attested enclave key, then a signature per result. */
class NitroKeyRegistrationTest {
    static final long T = 1_750_000_000_000L;
    static final long DAY = 86_400_000L;
    static final byte[] PCR0 = new byte[48];
    static TestCa ca;
    static KeyPair enclaveKey;
    static NitroVerifier verifier;

    @BeforeAll
    static void setUp() throws Exception {
        PCR0[5] = 7;
        ca = new TestCa(T - 3_600_000, T + 3_600_000);
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        enclaveKey = g.generateKeyPair();
        verifier = new NitroVerifier(new ChainValidator(ca.root, 16),
                new NitroPolicy(Set.of(Hex.encode(PCR0)), Set.of(), Set.of(), 600_000, 60_000, false, 30 * DAY));
    }

    static byte[] registration(String network, byte[] spki) throws Exception {
        Map<String, Object> p = ca.payload(T, PCR0, NitroVerifier.keyRegistrationBinding(network, spki), null);
        p.put("public_key", spki);
        return TestCa.sign(p, ca.leafKey.getPrivate());
    }

    static byte[] sign(PrivateKey key, Statement s) throws Exception {
        Signature sig = Signature.getInstance("SHA256withECDSA");
        sig.initSign(key);
        sig.update(NitroVerifier.resultMessage(s));
        ASN1Sequence der = ASN1Sequence.getInstance(sig.sign());
        byte[] rs = new byte[64];
        fixed(ASN1Integer.getInstance(der.getObjectAt(0)).getValue(), rs, 0);
        fixed(ASN1Integer.getInstance(der.getObjectAt(1)).getValue(), rs, 32);
        return rs;
    }

    static void fixed(BigInteger v, byte[] out, int off) {
        byte[] b = v.toByteArray();
        int n = Math.min(b.length, 32);
        System.arraycopy(b, b.length - n, out, off + 32 - n, n);
    }

    static byte[] envelope(byte[] registration, byte[] signature) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("registration", registration);
        m.put("signature", signature);
        return TestCbor.encode(m);
    }

    static Statement statement(String nonce, long ts) {
        return new Statement("haca-mainnet", "aa".repeat(32), "bb".repeat(32), "cc".repeat(32), nonce, ts);
    }

    @Test
    void registeredKeySignsManyResults() throws Exception {
        byte[] reg = registration("haca-mainnet", enclaveKey.getPublic().getEncoded());
        for (int i = 0; i < 5; i++) {
            Statement s = statement("0" + i + "ff", T + i * DAY);
            Verdict v = verifier.verify(envelope(reg, sign(enclaveKey.getPrivate(), s)), s, Instant.ofEpochMilli(T + i * DAY));
            assertTrue(v.valid(), v.toString());
            assertTrue(passed(v, "registration") && passed(v, "registration_age") && passed(v, "certificate_validity"));
        }
    }

    @Test
    void signatureForAnotherStatementIsRejected() throws Exception {
        byte[] reg = registration("haca-mainnet", enclaveKey.getPublic().getEncoded());
        Statement s = statement("01", T);
        byte[] sig = sign(enclaveKey.getPrivate(), s);
        for (Statement w : new Statement[] { statement("02", T), statement("01", T + 1),
                new Statement("haca-testnet", s.modelHash(), s.inputHash(), s.outputHash(), "01", T) }) {
            Verdict v = verifier.verify(envelope(reg, sig), w, Instant.ofEpochMilli(T));
            assertFalse(v.valid());
            assertTrue(failed(v, "binding"), v.toString());
        }
    }

    @Test
    void registrationForAnotherNetworkOrKeyIsRejected() throws Exception {
        Statement s = statement("01", T);
        byte[] sig = sign(enclaveKey.getPrivate(), s);
        Verdict other = verifier.verify(envelope(registration("haca-testnet", enclaveKey.getPublic().getEncoded()), sig),
                s, Instant.ofEpochMilli(T));
        assertTrue(failed(other, "registration"), other.toString());
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair thief = g.generateKeyPair();
        Verdict stolen = verifier.verify(envelope(registration("haca-mainnet", enclaveKey.getPublic().getEncoded()),
                sign(thief.getPrivate(), s)), s, Instant.ofEpochMilli(T));
        assertTrue(failed(stolen, "binding"), stolen.toString());
    }

    @Test
    void staleRegistrationIsRejected() throws Exception {
        byte[] reg = registration("haca-mainnet", enclaveKey.getPublic().getEncoded());
        Statement s = statement("01", T + 31 * DAY);
        Verdict v = verifier.verify(envelope(reg, sign(enclaveKey.getPrivate(), s)), s, Instant.ofEpochMilli(T + 31 * DAY));
        assertFalse(v.valid());
        assertTrue(failed(v, "registration_age"));
    }

    @Test
    void malformedEnvelopesAreCleanRejections() throws Exception {
        byte[] reg = registration("haca-mainnet", enclaveKey.getPublic().getEncoded());
        Statement s = statement("01", T);
        byte[] good = envelope(reg, sign(enclaveKey.getPrivate(), s));
        for (int i = 0; i < good.length; i += 3) {
            byte[] t = good.clone();
            t[i] ^= 1;
            assertFalse(verifier.verify(t, s, Instant.ofEpochMilli(T)).valid(), "flip at " + i);
        }
        assertFalse(verifier.verify(TestCbor.encode(Map.of("registration", reg)), s, Instant.ofEpochMilli(T)).valid());
        assertFalse(verifier.verify(new byte[] { (byte) 0xa0 }, s, Instant.ofEpochMilli(T)).valid());
    }
}
