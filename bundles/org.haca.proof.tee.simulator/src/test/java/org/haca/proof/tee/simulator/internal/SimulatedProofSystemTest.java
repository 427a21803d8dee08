package org.haca.proof.tee.simulator.internal;

import org.haca.api.proof.TeeBinding;
import java.util.HexFormat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Random;

import org.haca.api.proof.Proof;
import org.haca.api.proof.ProofException;
import org.haca.api.proof.ProofRequest;
import org.haca.api.proof.Statement;
import org.haca.api.proof.Verdict;
import org.haca.api.proof.VerificationContext;
import org.junit.jupiter.api.Test;

class SimulatedProofSystemTest {
    static final Statement S = new Statement("haca-dev", "aa".repeat(32), "bb".repeat(32), "cc".repeat(32), "beef",
            1_750_000_000_000L);
    static final VerificationContext AT = new VerificationContext(Instant.ofEpochMilli(1_750_000_000_000L));

    static Proof prove(SimulatedProofSystem sim, Statement s) throws ProofException {
        return sim.prove(new ProofRequest(s, new byte[0], Map.of(), Map.of()));
    }

    static boolean failed(Verdict v, String name) {
        return v.checks().stream().anyMatch(c -> c.name().equals(name) && !c.passed());
    }

    @Test
    void devNodeProvesAndVerifies() throws Exception {
        SimulatedProofSystem sim = new SimulatedProofSystem(true);
        assertTrue(sim.canProve());
        assertEquals("tee.simulated.v1", sim.schemeId());
        Proof p = prove(sim, S);
        assertEquals("SIMULATED", p.attributes().get("label"));
        Verdict v = sim.verify(p, S, AT);
        assertTrue(v.valid(), v.toString());
        assertTrue(v.checks().get(0).detail().contains("SIMULATED"));
        // another dev node (another throw-away key) verifies it as well
        assertTrue(new SimulatedProofSystem(true).verify(p, S, AT).valid());
    }

    @Test
    void productionRejectsSimulatedProofsEvenWhenInstalled() throws Exception {
        Proof p = prove(new SimulatedProofSystem(true), S);
        SimulatedProofSystem prod = new SimulatedProofSystem(false);
        Verdict v = prod.verify(p, S, AT);
        assertFalse(v.valid());
        assertTrue(v.reason().startsWith("simulated"), v.reason());
        assertFalse(prod.canProve());
        assertThrows(ProofException.class, () -> prove(prod, S));
    }

    @Test
    void wrongStatementFieldsAreRejected() throws Exception {
        SimulatedProofSystem sim = new SimulatedProofSystem(true);
        Proof p = prove(sim, S);
        for (Statement w : new Statement[] {
                new Statement("haca-other", S.modelHash(), S.inputHash(), S.outputHash(), S.nonce(), S.timestampMillis()),
                new Statement(S.networkId(), S.modelHash(), S.inputHash(), S.outputHash(), "beee", S.timestampMillis()),
                new Statement(S.networkId(), S.modelHash(), S.inputHash(), "cd".repeat(32), S.nonce(), S.timestampMillis()),
                new Statement(S.networkId(), S.modelHash(), S.inputHash(), S.outputHash(), S.nonce(), 1) }) {
            Verdict v = sim.verify(p, w, AT);
            assertFalse(v.valid());
            assertTrue(failed(v, "binding"), v.toString());
        }
    }

    @Test
    void everyByteFlipIsRejected() throws Exception {
        SimulatedProofSystem sim = new SimulatedProofSystem(true);
        byte[] payload = prove(sim, S).payload();
        for (int i = 0; i < payload.length; i++) {
            byte[] t = payload.clone();
            t[i] ^= 1;
            Verdict v = sim.verify(new Proof("tee.simulated.v1", t, Map.of()), S, AT);
            assertFalse(v.valid(), "flip at " + i);
        }
    }

    @Test
    void randomPayloadsAreCleanRejections() {
        SimulatedProofSystem sim = new SimulatedProofSystem(true);
        Random r = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[r.nextInt(300)];
            r.nextBytes(b);
            if (b.length > 12 && r.nextBoolean()) {
                System.arraycopy(SimulatedProofSystem.MAGIC, 0, b, 0, 12);
            }
            assertFalse(sim.verify(new Proof("tee.simulated.v1", b, Map.of()), S, AT).valid());
        }
        assertFalse(sim.verify(null, S, AT).valid());
        assertFalse(sim.verify(new Proof("tee.nitro.v1", new byte[0], Map.of()), S, AT).valid());
    }

    @Test
    void bindingMatchesTheTeeBundleKnownAnswer() {
        Statement k = new Statement("haca-dev", "00".repeat(32), "11".repeat(32), "22".repeat(32), "abcd", 1_700_000_000_123L);
        // the same value as org.haca.proof.tee NitroBindingTest.BINDING_KAT (computed independently with Python)
        assertEquals("92bd9a0b4ea2b14cb89995f2c7965b3af6b1926ee315015a3762eabffc14d4b1d4214544a5fe1b52335f4be3763488fbbd1faaa4e4763085070430fca56c8111",
                HexFormat.of().formatHex(TeeBinding.of(k)));
    }
}
