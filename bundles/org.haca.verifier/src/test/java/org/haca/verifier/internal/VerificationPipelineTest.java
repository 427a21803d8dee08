package org.haca.verifier.internal;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.haca.api.chain.ResultSubmission;
import org.haca.api.proof.Proof;
import org.haca.api.proof.ProofRequest;
import org.haca.api.proof.ProofSystem;
import org.haca.api.proof.Statement;
import org.haca.api.proof.VerificationContext;
import org.haca.api.proof.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VerificationPipelineTest {
    final Map<String, ProofSystem> systems = new ConcurrentHashMap<>();
    final List<VerificationPipeline.Outcome> outcomes = new CopyOnWriteArrayList<>();
    VerificationPipeline p;

    static final class Fake implements ProofSystem {
        final String scheme;
        final long delayMs;
        final AtomicInteger calls = new AtomicInteger();
        volatile java.time.Instant lastAt;

        Fake(String scheme, long delayMs) {
            this.scheme = scheme;
            this.delayMs = delayMs;
        }

        public String schemeId() {
            return scheme;
        }

        public boolean canProve() {
            return false;
        }

        public Proof prove(ProofRequest r) {
            throw new UnsupportedOperationException();
        }

        public Verdict verify(Proof proof, Statement st, VerificationContext ctx) {
            calls.incrementAndGet();
            lastAt = ctx.at();
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "good".equals(new String(proof.payload())) ? Verdict.valid(List.of())
                    : Verdict.invalid("bad proof", List.of());
        }
    }

    static ResultSubmission sub(String id, String scheme, String payload) {
        Statement st = new Statement("net", "aa", "bb", "cc", "00", 1);
        Proof proof = payload == null ? null : new Proof(scheme, payload.getBytes(), Map.of());
        return new ResultSubmission(id, "h", 1, "0xp", "0xn", scheme.isEmpty() ? "VANILLA" : "TEE", scheme, st, proof,
                payload == null && !scheme.isEmpty() ? "ff" : "", 10);
    }

    @AfterEach
    void stop() {
        if (p != null) {
            p.stop();
        }
    }

    void await(int n) throws InterruptedException {
        for (int i = 0; i < 500 && outcomes.size() < n; i++) {
            Thread.sleep(10);
        }
    }

    @Test
    void verifiesWithTheMatchingSchemeAtBlockTime() throws Exception {
        Fake tee = new Fake("tee.simulated.v1", 0);
        systems.put(tee.scheme, tee);
        p = new VerificationPipeline(systems::get, outcomes::add, 2, 4, 100);
        p.offer(List.of(sub("a", "tee.simulated.v1", "good"), sub("b", "tee.simulated.v1", "evil"), sub("v", "", null)),
                1_700_000_000_000L);
        await(2);
        assertEquals(2, outcomes.size(), "VANILLA is not verified");
        Map<String, Boolean> byId = new java.util.HashMap<>();
        outcomes.forEach(o -> byId.put(o.submission().requestId(), o.verdict().valid()));
        assertEquals(Map.of("a", true, "b", false), byId);
        assertEquals(java.time.Instant.ofEpochMilli(1_700_000_000_000L), tee.lastAt);
        assertEquals(Map.of("tee.simulated.v1", 1L), p.metrics().get("valid"));
    }

    @Test
    void unknownSchemeWaitsWithAReasonUntilAProofSystemArrives() throws Exception {
        p = new VerificationPipeline(systems::get, outcomes::add, 1, 4, 100);
        p.offer(List.of(sub("z", "zk.groth16.bn254.v1", "good"), sub("h", "tee.nitro.v1", null)), 1);
        for (int i = 0; i < 100 && p.waiting().size() < 2; i++) {
            Thread.sleep(10);
        }
        assertTrue(p.waiting().get("z").reason().contains("no ProofSystem registered for scheme 'zk.groth16.bn254.v1'"));
        assertTrue(p.waiting().get("h").reason().contains("proof itself is not available"));
        assertTrue(outcomes.isEmpty());
        systems.put("zk.groth16.bn254.v1", new Fake("zk.groth16.bn254.v1", 0));
        p.schemeAvailable("zk.groth16.bn254.v1");
        await(1);
        assertEquals("z", outcomes.get(0).submission().requestId());
        assertFalse(p.waiting().containsKey("z"));
        assertTrue(p.waiting().containsKey("h"));
    }

    @Test
    void slowVerifiersApplyBackPressureWithoutBlockingTheCaller() throws Exception {
        Fake slow = new Fake("slow", 20);
        systems.put("slow", slow);
        p = new VerificationPipeline(systems::get, outcomes::add, 1, 2, 1000);
        List<ResultSubmission> many = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add(sub("s" + i, "slow", "good"));
        }
        long t0 = System.nanoTime();
        p.offer(many, 1);
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 100, "offer returns at once");
        Thread.sleep(60);
        int depth = (int) p.metrics().get("queue_depth");
        assertTrue(depth <= 30 && depth > 0, "work is queued, depth " + depth);
        await(30);
        assertEquals(30, outcomes.size(), "nothing is dropped");
    }
}
