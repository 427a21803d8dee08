package org.haca.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class AdminCredentialsTest {

    @Test
    void devModeGeneratesAFreshPasswordEachTime() {
        AdminCredentials a = AdminCredentials.from(Map.of(), true);
        AdminCredentials b = AdminCredentials.from(Map.of(), true);
        assertTrue(a.generated());
        assertTrue(a.password().length() >= 20, a.password());
        assertNotEquals(a.password(), b.password());
        assertEquals("admin", a.user());
        assertFalse(a.toString().contains(a.password()), "never logged by toString");
    }

    @Test
    void productionRequiresAPassword() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AdminCredentials.from(Map.of(), false));
        assertTrue(e.getMessage().contains("HACA_ADMIN_PASSWORD is required"), e.getMessage());
    }

    @Test
    void weakOrWellKnownPasswordsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> AdminCredentials.from(Map.of("HACA_ADMIN_PASSWORD", "admin"),
                true));
        assertThrows(IllegalArgumentException.class,
                () -> AdminCredentials.from(Map.of("HACA_ADMIN_PASSWORD", "short"), false));
        assertThrows(IllegalArgumentException.class, () -> AdminCredentials.from(Map.of("HACA_ADMIN_USER", " ",
                "HACA_ADMIN_PASSWORD", "a-long-enough-secret"), false));
    }

    @Test
    void givenCredentialsAreUsedAsIs() {
        AdminCredentials c = AdminCredentials.from(Map.of("HACA_ADMIN_USER", "ops", "HACA_ADMIN_PASSWORD",
                "correct horse battery"), false);
        assertEquals(new AdminCredentials("ops", "correct horse battery", false), c);
    }
}
