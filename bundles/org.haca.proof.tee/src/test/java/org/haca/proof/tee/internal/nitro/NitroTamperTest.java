package org.haca.proof.tee.internal.nitro;

import static org.haca.proof.tee.internal.Vectors.*;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Instant;

import org.haca.api.proof.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Single-byte flips of the real documents: every one must make the document unparseable ({@code format}) or break
 * the ES384 signature ({@code signature}), not merely the binding the third-party documents never had.
 */
class NitroTamperTest {

    static void assertTamperRejected(NitroVerifier verifier, byte[] doc, Instant at, int index, int mask) {
        byte[] t = doc.clone();
        t[index] ^= (byte) mask;
        Verdict v = verifier.verify(t, SOME_STATEMENT, at);
        assertFalse(v.valid());
        // everything but the COSE framing is covered by the ES384 signature: a flip breaks the parse or the signature
        boolean authenticityFailed = failed(v, "format") || failed(v, "signature");
        if (!authenticityFailed) {
            fail("flip 0x" + Integer.toHexString(mask) + " at byte " + index + " was not detected: " + v);
        }
    }

    /** Every byte of the document (signature, protected header, payload with all certificates), two masks each. */
    @ParameterizedTest
    @CsvSource({ YAWN + ",1736179625000", BLINDAI + ",1679495307405", SUI + ",1731627987382" })
    void everySingleByteFlipIsRejected(String name, long atMillis) {
        byte[] doc = load(name);
        Instant at = Instant.ofEpochMilli(atMillis);
        NitroVerifier verifier = verifier(vectorPolicy(true));
        assertTrue(verifier.verify(doc, SOME_STATEMENT, at).checks().stream()
                .filter(c -> NitroVectorsTest.AUTHENTIC.contains(c.name())).allMatch(c -> c.passed()));
        int sigStart = doc.length - 96;
        for (int i = 0; i < doc.length; i++) {
            assertTamperRejected(verifier, doc, at, i, 0x01);
            if (i >= sigStart || i % 5 == 0) {
                assertTamperRejected(verifier, doc, at, i, 0xff);
            }
        }
    }
}
