package org.haca.proof.tee.internal.tdx;

import static org.haca.proof.tee.internal.Vectors.SOME_STATEMENT;
import static org.haca.proof.tee.internal.Vectors.check;
import static org.haca.proof.tee.internal.Vectors.failed;
import static org.haca.proof.tee.internal.Vectors.passed;
import static org.haca.proof.tee.internal.tdx.TdxVectors.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.haca.api.proof.Verdict;
import org.haca.proof.tee.internal.Hex;
import org.junit.jupiter.api.Test;

class TdxVectorsTest {
    static final List<String> QUOTE_CHECKS = List.of("format", "header", "pck_chain", "pck_validity",
            "qe_report_signature", "qe_report_binding", "quote_signature", "debug", "mrtd");
    static final List<String> COLLATERAL_CHECKS = List.of("root_crl", "pck_crl", "tcb_info", "qe_identity");

    static void assertPassed(Verdict v, List<String> names) {
        for (String n : names) {
            assertTrue(passed(v, n), n + " should pass: " + v);
        }
    }

    @Test
    void parsesTheReadmeFields() throws Exception {
        TdxQuote q = TdxQuote.parse(qvlQuote());
        assertEquals(QVL_MRTD, Hex.encode(q.mrTd()));
        assertEquals("06010300000000000000000000000000", Hex.encode(q.teeTcbSvn()));
        assertEquals(70, q.trailingBytes());
        assertEquals(6, q.qeIsvSvn());
        assertFalse(q.debug());
        TdxQuote g = TdxQuote.parse(goQuote());
        assertEquals(GO_MRTD, Hex.encode(g.mrTd()));
        assertEquals(39, g.trailingBytes());
        assertEquals(4, g.qeIsvSvn());
        assertEquals("6c62dec1b8191749a31dab490be532a35944dea47caef1f980863993d9899545eb7406a38d1eed313b987a467dacead6f0c87a6d766c66f6f29f8acb281f1113",
                Hex.encode(g.reportData()));
        PckExtension e = PckExtension.of(TdxVerifier.strictPemChain(g.pckChainPem()).get(0));
        assertEquals("50806f000000", Hex.encode(e.fmspc()));
        assertEquals(11, e.pceSvn());
        assertEquals("[3, 3, 2, 2, 2, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0]", java.util.Arrays.toString(e.sgxTcbComponents()));
    }

    @Test
    void dcapQvlQuoteIsUpToDateWithItsCollateral() {
        Verdict v = verifier(policy()).verify(TdxVerifier.payload(qvlQuote(), qvlCollateral()), SOME_STATEMENT, QVL_AT);
        assertPassed(v, QUOTE_CHECKS);
        assertPassed(v, COLLATERAL_CHECKS);
        assertPassed(v, List.of("tcb_status"));
        assertTrue(check(v, "tcb_status").detail().startsWith("TCB status UpToDate accepted"), check(v, "tcb_status").detail());
        assertTrue(check(v, "tcb_status").detail().contains("advisories []"));
        assertTrue(check(v, "tcb_status").detail().contains("TDX_01"));
        // the third-party REPORTDATA is not a HACA binding: the only failure
        assertFalse(v.valid());
        assertTrue(failed(v, "binding"));
        assertEquals(1, v.checks().stream().filter(c -> !c.passed()).count(), v.toString());
    }

    @Test
    void dcapQvlCollateralWindow() {
        TdxVerifier verifier = verifier(policy());
        byte[] p = TdxVerifier.payload(qvlQuote(), qvlCollateral());
        // 2025-07-01 is inside every window
        assertPassed(verifier.verify(p, SOME_STATEMENT, Instant.ofEpochMilli(1751328000000L)), COLLATERAL_CHECKS);
        // one second after the PCK CRL's nextUpdate (2025-07-19T10:00:35Z): stale
        Verdict late = verifier.verify(p, SOME_STATEMENT, Instant.ofEpochMilli(1752919236000L));
        assertTrue(failed(late, "pck_crl"), late.toString());
        // before the QE identity was issued
        Verdict early = verifier.verify(p, SOME_STATEMENT, Instant.ofEpochMilli(1750329146000L));
        assertTrue(failed(early, "qe_identity"), early.toString());
    }

    @Test
    void goTdxGuestQuoteOnlyIsValidAtCurrentTime() {
        Verdict v = verifier(policy()).verify(TdxVerifier.payload(goQuote(), null), SOME_STATEMENT, GO_AT);
        assertPassed(v, QUOTE_CHECKS);
        assertTrue(failed(v, "collateral"));
        assertFalse(v.valid());
    }

    @Test
    void goTdxGuestFullCheckFindsNoMatchingTcbLevel() {
        Verdict v = verifier(policy()).verify(TdxVerifier.payload(goQuote(), goCollateral()), SOME_STATEMENT, GO_AT);
        assertPassed(v, QUOTE_CHECKS);
        assertPassed(v, COLLATERAL_CHECKS);
        assertFalse(v.valid());
        assertTrue(failed(v, "tcb_status"));
        assertTrue(check(v, "tcb_status").detail().startsWith("no matching TCB level"), check(v, "tcb_status").detail());
        assertTrue(v.reason().startsWith("tcb_status"), v.reason());
    }

    @Test
    void goTdxGuestInTheFutureIsExpired() {
        Verdict quoteOnly = verifier(policy()).verify(TdxVerifier.payload(goQuote(), null), SOME_STATEMENT, GO_FUTURE);
        assertTrue(failed(quoteOnly, "pck_validity"));
        assertTrue(check(quoteOnly, "pck_validity").detail().contains("not valid at 2053-07-01T01:00:00Z"));
        Verdict full = verifier(policy()).verify(TdxVerifier.payload(goQuote(), goCollateral()), SOME_STATEMENT, GO_FUTURE);
        assertTrue(failed(full, "tcb_info") && failed(full, "pck_crl") && failed(full, "pck_validity"));
    }

    @Test
    void dcapQvlAfterPckExpiryIsRejected() {
        Verdict v = verifier(policy()).verify(TdxVerifier.payload(qvlQuote(), qvlCollateral()), SOME_STATEMENT,
                Instant.parse("2032-02-07T00:00:00Z"));
        assertTrue(failed(v, "pck_validity"));
    }

    @Test
    void productionDefaultsAcceptNoMeasurement() {
        Verdict v = verifier(TdxPolicy.production()).verify(TdxVerifier.payload(qvlQuote(), qvlCollateral()),
                SOME_STATEMENT, QVL_AT);
        assertTrue(failed(v, "mrtd"));
        assertTrue(check(v, "mrtd").detail().contains("no MRTD allow-list"));
    }

    @Test
    void outOfDateIsAcceptedOnlyWhenPolicySaysSo() {
        // the go-tdx-guest quote has no matching level at all; a policy accepting OutOfDate still rejects it
        TdxPolicy lax = new TdxPolicy(Set.of(GO_MRTD), Set.of("UpToDate", "OutOfDate"), false);
        Verdict v = verifier(lax).verify(TdxVerifier.payload(goQuote(), goCollateral()), SOME_STATEMENT, GO_AT);
        assertTrue(failed(v, "tcb_status"));
    }

    @Test
    void collateralOfAnotherPlatformIsRejected() {
        // dcap-qvl collateral (FMSPC b0c06f000000) for the go-tdx-guest quote (FMSPC 50806f000000)
        Verdict v = verifier(policy()).verify(TdxVerifier.payload(goQuote(), qvlCollateral()), SOME_STATEMENT, QVL_AT);
        assertFalse(v.valid());
        assertTrue(failed(v, "tcb_info") || failed(v, "pck_crl"), v.toString());
    }
}
