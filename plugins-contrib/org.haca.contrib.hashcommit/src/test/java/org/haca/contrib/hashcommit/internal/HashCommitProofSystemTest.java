package org.haca.contrib.hashcommit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.haca.api.proof.Proof;
import org.haca.api.proof.ProofRequest;
import org.haca.api.proof.Statement;
import org.haca.api.proof.VerificationContext;
import org.haca.api.proof.Verdict;
import org.junit.jupiter.api.Test;

class HashCommitProofSystemTest {
    private final HashCommitProofSystem system = new HashCommitProofSystem();
    private final Statement statement = new Statement("haca-dev", "aa", "bb", "cc", "01", 1_700_000_000_000L);

    private Proof prove(Statement s) {
        return system.prove(new ProofRequest(s, new byte[0], Map.of(), Map.of()));
    }

    @Test
    void proofVerifiesForItsStatement() {
        Verdict v = system.verify(prove(statement), statement, VerificationContext.now());
        assertTrue(v.valid(), v.reason());
        assertEquals(2, v.checks().size());
    }

    @Test
    void anyChangedFieldIsRejected() {
        Proof proof = prove(statement);
        Statement otherOutput = new Statement("haca-dev", "aa", "bb", "cd", "01", statement.timestampMillis());
        Verdict v = system.verify(proof, otherOutput, VerificationContext.now());
        assertFalse(v.valid());
        assertEquals("commitment does not match the statement", v.reason());
    }

    @Test
    void fieldBoundariesAreUnambiguous() {
        // "ab"+"c" and "a"+"bc" must not collide: fields are length-prefixed
        Statement a = new Statement("n", "ab", "c", "x", "0", 1);
        Statement b = new Statement("n", "a", "bc", "x", "0", 1);
        assertFalse(system.verify(prove(a), b, VerificationContext.now()).valid());
    }

    @Test
    void tamperedOrForeignProofsAreVerdictsNotExceptions() {
        byte[] bytes = prove(statement).payload();
        bytes[0] ^= 1;
        assertFalse(system.verify(new Proof(HashCommitProofSystem.SCHEME, bytes, Map.of()), statement,
                VerificationContext.now()).valid());
        assertFalse(system.verify(new Proof(HashCommitProofSystem.SCHEME, new byte[0], Map.of()), statement,
                VerificationContext.now()).valid());
        Verdict foreign = system.verify(new Proof("tee.nitro.v1", bytes, Map.of()), statement, VerificationContext.now());
        assertFalse(foreign.valid());
        assertTrue(foreign.reason().contains("tee.nitro.v1"));
    }
}
