package org.haca.proof.tee.internal.nitro;

import static org.haca.proof.tee.internal.Vectors.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.haca.api.proof.Verdict;
import org.haca.proof.tee.internal.Hex;
import org.haca.proof.tee.internal.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The three real Nitro documents at their recorded times (vectors/README.md). Their user_data is not a HACA binding. */
class NitroVectorsTest {
    /** Everything that proves authenticity and policy; the statement-dependent checks are nonce and binding. */
    static final List<String> AUTHENTIC = List.of("format", "algorithm", "digest", "root", "certificate_chain",
            "certificate_validity", "signature", "timestamp", "debug", "pcrs");

    static void assertAuthenticButNotHaca(Verdict v) {
        for (String name : AUTHENTIC) {
            assertTrue(passed(v, name), name + " should pass: " + v);
        }
        assertFalse(v.valid());
        assertTrue(failed(v, "binding"), v.toString());
        assertTrue(check(v, "binding").detail().contains("not HACA") || check(v, "binding").detail().contains("does not bind"),
                check(v, "binding").detail());
        assertTrue(failed(v, "nonce"), "third-party documents carry no HACA nonce");
    }

    @ParameterizedTest
    @CsvSource({ YAWN + ",1736179625000", BLINDAI + ",1679495307405", SUI + ",1731627987382" })
    void realDocumentsVerifyAtTheirRecordedTimes(String name, long at) {
        Verdict v = verifier(vectorPolicy(true)).verify(load(name), SOME_STATEMENT, Instant.ofEpochMilli(at));
        assertAuthenticButNotHaca(v);
        assertTrue(check(v, "root").detail().contains(NitroVerifier.ROOT_G1_SHA256));
    }

    @Test
    void yawnIsAProductionEnclaveAndPassesTheProductionDebugRule() {
        Verdict v = verifier(vectorPolicy(false)).verify(load(YAWN), SOME_STATEMENT, YAWN_AT);
        assertAuthenticButNotHaca(v);
        assertEquals("production enclave", check(v, "debug").detail());
        assertTrue(check(v, "pcrs").detail().contains(YAWN_PCR0));
    }

    @ParameterizedTest
    @CsvSource({ BLINDAI + ",1679495307405", SUI + ",1731627987382" })
    void debugDocumentsAreRejectedByProductionPolicy(String name, long at) {
        Verdict v = verifier(vectorPolicy(false)).verify(load(name), SOME_STATEMENT, Instant.ofEpochMilli(at));
        assertFalse(v.valid());
        assertTrue(failed(v, "debug"), v.toString());
        assertTrue(check(v, "debug").detail().contains("PCR0 all zeros"));
        assertTrue(passed(v, "signature") && passed(v, "certificate_chain") && passed(v, "certificate_validity"));
    }

    @Test
    void defaultProductionPolicyAcceptsNoMeasurement() {
        Verdict v = verifier(NitroPolicy.production()).verify(load(YAWN), SOME_STATEMENT, YAWN_AT);
        assertFalse(v.valid());
        assertTrue(failed(v, "pcrs"));
        assertTrue(check(v, "pcrs").detail().contains("no PCR0 allow-list"));
        assertTrue(passed(v, "signature") && passed(v, "certificate_chain"));
    }

    @Test
    void pcr1AndPcr2AllowListsAreEnforced() {
        NitroPolicy p = new NitroPolicy(java.util.Set.of(YAWN_PCR0), java.util.Set.of("00".repeat(48)),
                java.util.Set.of(), 600_000, 60_000, false);
        Verdict v = verifier(p).verify(load(YAWN), SOME_STATEMENT, YAWN_AT);
        assertTrue(failed(v, "pcrs"));
        assertTrue(check(v, "pcrs").detail().contains("PCR1"));
    }

    @ParameterizedTest
    @CsvSource({
            // yawn: the source test rejects at wall-clock time; any time after 2025-01-06T19:07:05Z is expired
            YAWN + ",1736190426000", YAWN + ",1767225600000", YAWN + ",1736179621000",
            // blindai: +4 h as in the source test
            BLINDAI + ",1679509707405",
            // sui: +-3 h as in the source test
            SUI + ",1731638787382", SUI + ",1731617187382" })
    void rejectedOutsideTheCertificateWindow(String name, long at) {
        Verdict v = verifier(vectorPolicy(true)).verify(load(name), SOME_STATEMENT, Instant.ofEpochMilli(at));
        assertFalse(v.valid());
        assertTrue(failed(v, "certificate_validity"), v.toString());
        assertTrue(passed(v, "signature") && passed(v, "certificate_chain"));
    }

    @ParameterizedTest
    @CsvSource({ "1731628587382", "1731627387382" })
    void suiCertificatesStillValidTenMinutesAround(long at) {
        Verdict v = verifier(vectorPolicy(true)).verify(load(SUI), SOME_STATEMENT, Instant.ofEpochMilli(at));
        assertTrue(passed(v, "certificate_validity"), v.toString());
    }

    @Test
    void tooOldOrFutureDocumentsFailTheAgeCheck() {
        NitroVerifier verifier = verifier(vectorPolicy(true));
        // sui: document time 1731627989450; 10 min + 1 s later is too old under the default 10-minute max age
        Verdict old = verifier.verify(load(SUI), SOME_STATEMENT, Instant.ofEpochMilli(1731627989450L + 601_000));
        assertTrue(failed(old, "timestamp"));
        assertTrue(passed(old, "certificate_validity"));
        // 2 min before the document time is beyond the 1-minute skew
        Verdict future = verifier.verify(load(SUI), SOME_STATEMENT, Instant.ofEpochMilli(1731627989450L - 120_000));
        assertTrue(failed(future, "timestamp"));
    }

    @Test
    void cachedAndUncachedVerifiersAgree() {
        for (String name : List.of(YAWN, BLINDAI, SUI)) {
            for (Instant at : List.of(YAWN_AT, BLINDAI_AT, SUI_AT)) {
                Verdict a = verifier(vectorPolicy(false)).verify(load(name), SOME_STATEMENT, at);
                NitroVerifier cached = verifier(vectorPolicy(false));
                cached.verify(load(name), SOME_STATEMENT, at);
                Verdict b = cached.verify(load(name), SOME_STATEMENT, at);
                Verdict c = uncachedVerifier(vectorPolicy(false)).verify(load(name), SOME_STATEMENT, at);
                assertEquals(a, b);
                assertEquals(a, c);
            }
        }
    }

    @Test
    void parsedFieldsMatchTheReadme() throws Exception {
        NitroDocument yawn = NitroDocument.parse(load(YAWN));
        assertEquals(1736179625472L, yawn.timestamp());
        assertEquals(YAWN_PCR0, Hex.encode(yawn.pcrs().get(0)));
        assertEquals(16, yawn.pcrs().size());
        assertEquals(4, yawn.cabundle().size());
        assertEquals(294, yawn.publicKey().length);
        assertEquals(null, yawn.userData());
        assertEquals(null, yawn.nonce());
        NitroDocument blindai = NitroDocument.parse(load(BLINDAI));
        assertEquals("hello, world!", new String(blindai.userData(), java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(1679495307405L, blindai.timestamp());
        NitroDocument sui = NitroDocument.parse(load(SUI));
        assertEquals("5a264748a62368075d34b9494634a3e096e0e48f6647f965b81d2a653de684f2", Hex.encode(sui.userData()));
        assertEquals(96, sui.signature().length);
    }

    @Test
    void rootFingerprintIsPinned() throws Exception {
        assertEquals(NitroVerifier.ROOT_G1_SHA256, Hex.encode(java.security.MessageDigest.getInstance("SHA-256")
                .digest(NitroVerifier.pinnedRoot().getEncoded())));
        assertTrue(Vectors.load("nitro/aws-nitro-root-g1.pem").length == 777);
    }
}
