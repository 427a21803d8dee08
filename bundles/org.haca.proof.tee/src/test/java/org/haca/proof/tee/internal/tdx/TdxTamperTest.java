package org.haca.proof.tee.internal.tdx;

import static org.haca.proof.tee.internal.Vectors.SOME_STATEMENT;
import static org.haca.proof.tee.internal.Vectors.failed;
import static org.haca.proof.tee.internal.tdx.TdxVectors.*;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import org.haca.api.proof.Verdict;
import org.junit.jupiter.api.Test;

/**
 * Byte flips over the signed part of the dcap-qvl quote (header, TD report, signature section with QE report, QE
 * signature, auth data and the PEM PCK chain) must each fail an authenticity check; flips in the unsigned trailing
 * padding are ignored by design. Fuzzed quotes and payloads are clean rejections.
 */
class TdxTamperTest {
    static final List<String> AUTHENTICITY = List.of("format", "header", "pck_chain", "pck_validity",
            "qe_report_signature", "qe_report_binding", "quote_signature");

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = { true, false })
    void everyByteFlipInTheSignedQuoteIsRejected(boolean dcapQvl) {
        byte[] quote = dcapQvl ? qvlQuote() : goQuote();
        java.time.Instant at = dcapQvl ? QVL_AT : GO_AT;
        int sigEnd = 636 + ByteBuffer.wrap(quote, 632, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        TdxVerifier verifier = verifier(policy());
        for (int i = 0; i < sigEnd; i++) {
            byte[] t = quote.clone();
            t[i] ^= 0x01;
            Verdict v = verifier.verify(TdxVerifier.payload(t, null), SOME_STATEMENT, at);
            assertFalse(v.valid());
            if (AUTHENTICITY.stream().noneMatch(n -> failed(v, n))) {
                fail("flip at byte " + i + " not detected: " + v);
            }
        }
    }

    @Test
    void tamperedCollateralIsRejected() {
        TdxVerifier verifier = verifier(policy());
        for (String field : List.of("tcb_info", "qe_identity")) {
            var c = qvlCollateral();
            String s = c.get(field).getAsString();
            c.addProperty(field, s.replace("UpToDate", "UpToDatf"));
            Verdict v = verifier.verify(TdxVerifier.payload(qvlQuote(), c), SOME_STATEMENT, QVL_AT);
            if (!failed(v, field)) {
                fail(field + " tamper not detected: " + v);
            }
        }
        for (String field : List.of("pck_crl", "root_ca_crl")) {
            var c = qvlCollateral();
            char[] s = c.get(field).getAsString().toCharArray();
            for (int i = 200; i < s.length; i += 97) {
                char[] t = s.clone();
                t[i] = t[i] == '0' ? '1' : '0';
                c.addProperty(field, new String(t));
                Verdict v = verifier.verify(TdxVerifier.payload(qvlQuote(), c), SOME_STATEMENT, QVL_AT);
                if (!failed(v, field.equals("pck_crl") ? "pck_crl" : "root_crl")) {
                    fail(field + " tamper at " + i + " not detected: " + v);
                }
            }
        }
    }

    @Test
    void fuzzedQuotesAndPayloadsAreCleanRejections() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            Random r = new Random(0x5444585155L);
            TdxVerifier verifier = verifier(policy());
            byte[] quote = qvlQuote();
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            int n = 0;
            while (n < 200 || (System.nanoTime() < deadline && n < 3000)) {
                byte[] m = org.haca.proof.tee.internal.nitro.NitroFuzzTestAccess.mutate(quote, r);
                byte[] payload = r.nextInt(4) == 0 ? randomJson(r, m) : TdxVerifier.payload(m, null);
                Verdict v;
                try {
                    v = verifier.verify(payload, SOME_STATEMENT, QVL_AT);
                } catch (Throwable t) {
                    fail("verify threw " + t);
                    return;
                }
                assertFalse(v.valid());
                if (v.checks().stream().anyMatch(c -> c.name().equals("internal"))) {
                    fail("defensive catch fired: " + v);
                }
                n++;
            }
            System.out.println("[TdxTamperTest] " + n + " mutated quotes/payloads verified, all cleanly rejected");
            for (int i = 0; i < 50_000; i++) {
                byte[] b = new byte[r.nextInt(2000)];
                r.nextBytes(b);
                try {
                    TdxQuote.parse(b);
                } catch (TdxFormatException expected) {
                    // clean
                }
            }
        });
    }

    private static byte[] randomJson(Random r, byte[] quote) {
        String[] shapes = { "{}", "[]", "null", "{\"quote\":1}", "{\"quote\":\"%%%\"}",
                "{\"quote\":\"" + Base64.getEncoder().encodeToString(quote) + "\",\"collateral\":{}}",
                "{\"quote\":\"" + Base64.getEncoder().encodeToString(quote) + "\",\"collateral\":[1]}",
                "{\"quote\":" + "[".repeat(5000), "\u0000\u0001" };
        return shapes[r.nextInt(shapes.length)].getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
