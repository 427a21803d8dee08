package org.haca.proof.tee.internal.cbor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.haca.proof.tee.internal.Hex;
import org.junit.jupiter.api.Test;

/** Known encodings (RFC 8949 appendix A) and the strictness rules. */
class CborTest {
    static Object d(String hex) throws CborException {
        return Cbor.decode(Hex.decodeLower(hex));
    }

    @Test
    void decodesRfcExamples() throws Exception {
        assertEquals(0L, d("00"));
        assertEquals(23L, d("17"));
        assertEquals(24L, d("1818"));
        assertEquals(1000000L, d("1a000f4240"));
        assertEquals(Long.MAX_VALUE, d("1b7fffffffffffffff"));
        assertEquals(-1000L, d("3903e7"));
        assertEquals("IETF", d("6449455446"));
        assertEquals("\u00fc", d("62c3bc"));
        assertArrayEquals(new byte[] { 1, 2, 3, 4 }, (byte[]) d("4401020304"));
        assertEquals(List.of(1L, List.of(2L, 3L)), d("8201820203"));
        assertEquals(Map.of(1L, 2L, 3L, 4L), d("a201020304"));
        assertEquals(Boolean.TRUE, d("f5"));
        assertEquals(Cbor.NULL, d("f6"));
        assertEquals(new Cbor.Tagged(18, 1L), d("d201"));
    }

    @Test
    void rejectsWhatIsNotStrict() {
        for (String bad : new String[] { "", "5f4101ff", "9f01ff", "bf0102ff", "1817", "190001", "1a000000ff",
                "1b00000000ffffffff", "1bffffffffffffffff", "3bffffffffffffffff", "f97e00", "fa47c35000", "f0", "1c",
                "0000", "62c3", "62ff00", "a20102010a", "a1f6f6", "5b00000000ffffffff", "9bffffffffffffffff",
                "81", "a1", "45010203" }) {
            assertThrows(CborException.class, () -> d(bad), bad);
        }
    }

    @Test
    void depthAndItemLimits() {
        assertThrows(CborException.class, () -> Cbor.decode(Hex.decodeLower("81".repeat(17) + "00")));
        assertEquals(List.of(List.of(0L)), assertDoesNotThrowDecode("8181" + "00"));
        StringBuilder many = new StringBuilder("9a00001001");
        many.append("00".repeat(4097));
        assertThrows(CborException.class, () -> Cbor.decode(Hex.decodeLower(many.toString())));
        // deep nesting far beyond the limit must be a clean rejection, not a stack overflow
        assertThrows(CborException.class, () -> Cbor.decode(Hex.decodeLower("81".repeat(200_000) + "00")));
    }

    private static Object assertDoesNotThrowDecode(String hex) {
        try {
            return d(hex);
        } catch (CborException e) {
            throw new AssertionError(e);
        }
    }
}
