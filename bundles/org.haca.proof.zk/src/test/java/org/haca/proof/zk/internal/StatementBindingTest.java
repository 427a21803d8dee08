package org.haca.proof.zk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.haca.api.proof.Statement;
import org.haca.proof.zk.internal.r1cs.Field;
import org.junit.jupiter.api.Test;

class StatementBindingTest {
    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);
    private static final String C = "c".repeat(64);
    private static final Statement S = new Statement("haca-dev", A, B, C, "00ff", 1_700_000_000_000L);

    @Test
    void matchesTheDocumentedLayoutAndIsAFieldElement() throws Exception {
        HexFormat hex = HexFormat.of();
        byte[] msg = hex.parseHex("484143412d5a4b2f763100" // "HACA-ZK/v1\0"
                + "00000008" + hex.formatHex("haca-dev".getBytes()) + A + B + C + "00000002" + "00ff"
                + String.format("%016x", 1_700_000_000_000L));
        byte[] d = MessageDigest.getInstance("SHA-256").digest(msg);
        d[0] &= 0x1f;
        BigInteger b = StatementBinding.of(S);
        assertEquals(new BigInteger(1, d), b);
        assertTrue(b.bitLength() <= 253 && b.compareTo(Field.R) < 0);
    }

    @Test
    void everyFieldChangesTheBinding() {
        BigInteger b = StatementBinding.of(S);
        assertNotEquals(b, StatementBinding.of(new Statement("haca-main", A, B, C, "00ff", S.timestampMillis())));
        assertNotEquals(b, StatementBinding.of(new Statement("haca-dev", B, B, C, "00ff", S.timestampMillis())));
        assertNotEquals(b, StatementBinding.of(new Statement("haca-dev", A, A, C, "00ff", S.timestampMillis())));
        assertNotEquals(b, StatementBinding.of(new Statement("haca-dev", A, B, B, "00ff", S.timestampMillis())));
        assertNotEquals(b, StatementBinding.of(new Statement("haca-dev", A, B, C, "00fe", S.timestampMillis())));
        assertNotEquals(b, StatementBinding.of(new Statement("haca-dev", A, B, C, "00ff", S.timestampMillis() + 1)));
    }

    @Test
    void malformedStatementsAreRefusedAndUnboundOnesRecognised() {
        assertThrows(IllegalArgumentException.class,
                () -> StatementBinding.of(new Statement("n", "A".repeat(64), B, C, "", 0)));
        assertThrows(IllegalArgumentException.class, () -> StatementBinding.of(new Statement("n", A, B, C, "0", 0)));
        assertFalse(StatementBinding.isBound(new Statement("", "", "", "", "", 0)));
        assertTrue(StatementBinding.isBound(S));
    }
}
