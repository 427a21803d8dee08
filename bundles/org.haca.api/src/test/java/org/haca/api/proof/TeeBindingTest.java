package org.haca.api.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** Known answers computed independently with Python's hashlib/struct from the encoding in the class Javadoc. */
class TeeBindingTest {
    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    @Test
    void matchesIndependentKnownAnswers() {
        Statement s = new Statement("haca-dev", "00".repeat(32), "11".repeat(32), "22".repeat(32), "abcd",
                1_700_000_000_123L);
        assertEquals("92bd9a0b4ea2b14cb89995f2c7965b3af6b1926ee315015a3762eabffc14d4b1d4214544a5fe1b52335f4be3763488fb"
                + "bd1faaa4e4763085070430fca56c8111", hex(TeeBinding.of(s)));
        Statement empty = new Statement("haca-test", "ab".repeat(32), "cd".repeat(32), "ef".repeat(32), "", 0);
        assertEquals("1abbb6a90ae369a80870aaac27afeebca714067d98c50d0d219fcb77fd7cb31f51a3e123daf6d08a3402aa7d6b291a0f"
                + "b2483841af7ebab55eb6d8ef1214bb6d", hex(TeeBinding.of(empty)));
    }

    @Test
    void statementsThatCannotBeBoundAreRejected() {
        String h = "00".repeat(32);
        assertThrows(IllegalArgumentException.class, () -> TeeBinding.of(new Statement("", h, h, h, "", 0)));
        assertThrows(IllegalArgumentException.class, () -> TeeBinding.of(new Statement("n", "AA".repeat(32), h, h, "",
                0)), "upper-case hex has a second spelling: refused");
        assertThrows(IllegalArgumentException.class, () -> TeeBinding.of(new Statement("n", h, "00", h, "", 0)));
        assertThrows(IllegalArgumentException.class, () -> TeeBinding.of(new Statement("n", h, h, h, "abc", 0)));
        assertNull(TeeBinding.nonceBytes(new Statement("n", h, h, h, "zz", 0)));
        assertNull(TeeBinding.nonceBytes(new Statement("n", h, h, h, "00".repeat(513), 0)));
    }
}
