package org.haca.proof.tee.internal.nitro;

import static org.haca.proof.tee.internal.Vectors.check;
import static org.haca.proof.tee.internal.Vectors.failed;
import static org.haca.proof.tee.internal.Vectors.passed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.haca.api.proof.Statement;
import org.haca.api.proof.Verdict;
import org.haca.api.proof.TeeBinding;
import org.haca.proof.tee.internal.TestCa;
import org.haca.proof.tee.internal.crypto.ChainValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The full HACA path on synthetic documents: a throw-away CA stands in for AWS (the real vectors cannot carry our
 * binding), pinned exactly like the real root. Proves that the binding, nonce and policy checks accept the right
 * statement and reject every wrong field.
 */
class NitroBindingTest {
    static final long T = 1_750_000_000_000L;
    static final byte[] PCR0 = new byte[48];
    static final Statement S = new Statement("haca-mainnet", "aa".repeat(32), "bb".repeat(32), "cc".repeat(32),
            "0011223344556677", T - 500);
    static TestCa ca;
    static NitroVerifier verifier;

    @BeforeAll
    static void setUp() throws Exception {
        PCR0[0] = 0x42;
        ca = new TestCa(T - 3_600_000, T + 3_600_000);
        NitroPolicy policy = new NitroPolicy(Set.of(org.haca.proof.tee.internal.Hex.encode(PCR0)), Set.of(), Set.of(),
                600_000, 60_000, false);
        verifier = new NitroVerifier(new ChainValidator(ca.root, 16), policy);
    }

    @Test
    void boundDocumentIsValid() throws Exception {
        Verdict v = verifier.verify(ca.document(S, T, PCR0), S, Instant.ofEpochMilli(T));
        assertTrue(v.valid(), v.toString());
        assertEquals("all checks passed", v.reason());
        assertEquals(12, v.checks().size());
        assertTrue(v.checks().stream().allMatch(Verdict.Check::passed));
    }

    @Test
    void everyStatementFieldIsBound() throws Exception {
        byte[] doc = ca.document(S, T, PCR0);
        Instant at = Instant.ofEpochMilli(T);
        Statement[] wrong = {
                new Statement("haca-testnet", S.modelHash(), S.inputHash(), S.outputHash(), S.nonce(), S.timestampMillis()),
                new Statement(S.networkId(), "ab".repeat(32), S.inputHash(), S.outputHash(), S.nonce(), S.timestampMillis()),
                new Statement(S.networkId(), S.modelHash(), "ab".repeat(32), S.outputHash(), S.nonce(), S.timestampMillis()),
                new Statement(S.networkId(), S.modelHash(), S.inputHash(), "ab".repeat(32), S.nonce(), S.timestampMillis()),
                new Statement(S.networkId(), S.modelHash(), S.inputHash(), S.outputHash(), S.nonce(), S.timestampMillis() + 1) };
        for (Statement w : wrong) {
            Verdict v = verifier.verify(doc, w, at);
            assertFalse(v.valid(), w.toString());
            assertTrue(failed(v, "binding"), v.toString());
            assertTrue(passed(v, "signature") && passed(v, "nonce"));
            assertTrue(v.reason().startsWith("binding"), v.reason());
        }
    }

    @Test
    void wrongNonceIsRejected() throws Exception {
        byte[] doc = ca.document(S, T, PCR0);
        Statement w = new Statement(S.networkId(), S.modelHash(), S.inputHash(), S.outputHash(), "0011223344556678",
                S.timestampMillis());
        Verdict v = verifier.verify(doc, w, Instant.ofEpochMilli(T));
        assertFalse(v.valid());
        assertTrue(failed(v, "nonce") && failed(v, "binding"));
        assertTrue(v.reason().startsWith("nonce"));
    }

    @Test
    void malformedStatementsCannotBeBound() throws Exception {
        byte[] doc = ca.document(S, T, PCR0);
        for (Statement w : new Statement[] {
                new Statement(S.networkId(), S.modelHash().toUpperCase(), S.inputHash(), S.outputHash(), S.nonce(), 1),
                new Statement(S.networkId(), "aa", S.inputHash(), S.outputHash(), S.nonce(), 1),
                new Statement(S.networkId(), S.modelHash(), S.inputHash(), S.outputHash(), "xyz", 1),
                new Statement("", S.modelHash(), S.inputHash(), S.outputHash(), S.nonce(), 1) }) {
            Verdict v = verifier.verify(doc, w, Instant.ofEpochMilli(T));
            assertFalse(v.valid());
            assertTrue(failed(v, "binding"), v.toString());
        }
    }

    @Test
    void documentSignedByAnotherCaIsRejected() throws Exception {
        TestCa other = new TestCa(T - 3_600_000, T + 3_600_000);
        Verdict v = verifier.verify(other.document(S, T, PCR0), S, Instant.ofEpochMilli(T));
        assertFalse(v.valid());
        assertTrue(failed(v, "root") && failed(v, "certificate_chain"), v.toString());
    }

    @Test
    void documentSignedByTheWrongKeyIsRejected() throws Exception {
        byte[] doc = TestCa.sign(ca.payload(T, PCR0, TeeBinding.of(S), TeeBinding.nonceBytes(S)),
                ca.rootKey.getPrivate());
        Verdict v = verifier.verify(doc, S, Instant.ofEpochMilli(T));
        assertFalse(v.valid());
        assertTrue(failed(v, "signature") && passed(v, "certificate_chain"), v.toString());
    }

    @Test
    void rejectsSha256DigestAndUnknownFields() throws Exception {
        Map<String, Object> p = ca.payload(T, PCR0, TeeBinding.of(S), TeeBinding.nonceBytes(S));
        p.put("digest", "SHA256");
        Verdict v = verifier.verify(TestCa.sign(p, ca.leafKey.getPrivate()), S, Instant.ofEpochMilli(T));
        assertTrue(failed(v, "digest") && passed(v, "signature"));
        p.put("digest", "SHA384");
        p.put("extra", "x");
        v = verifier.verify(TestCa.sign(p, ca.leafKey.getPrivate()), S, Instant.ofEpochMilli(T));
        assertTrue(failed(v, "format"));
    }

    @Test
    void bindingKnownAnswer() {
        // the binding is org.haca.api.proof.TeeBinding, shared by every TEE bundle; known answer also in its own test
        Statement k = new Statement("haca-dev", "00".repeat(32), "11".repeat(32), "22".repeat(32), "abcd", 1_700_000_000_123L);
        assertEquals(BINDING_KAT, org.haca.proof.tee.internal.Hex.encode(TeeBinding.of(k)));
        assertEquals(64, TeeBinding.of(k).length);
    }

    /** Computed independently with Python hashlib from the documented encoding. */
    static final String BINDING_KAT = "92bd9a0b4ea2b14cb89995f2c7965b3af6b1926ee315015a3762eabffc14d4b1d4214544a5fe1b52335f4be3763488fbbd1faaa4e4763085070430fca56c8111";
}
