package org.haca.web.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class AdminAuthTest {
    private static String basic(String userColonPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void acceptsOnlyTheExactCredentials() {
        AdminAuth auth = new AdminAuth("ops", "s3cret:with-colon");
        assertTrue(auth.permits(basic("ops:s3cret:with-colon")));
        assertFalse(auth.permits(basic("ops:s3cret")));
        assertFalse(auth.permits(basic("Ops:s3cret:with-colon")));
        assertFalse(auth.permits(basic("ops")));
        assertFalse(auth.permits("Basic not-base64!!"));
        assertFalse(auth.permits("Bearer abc"));
        assertFalse(auth.permits(null));
    }

    @Test
    void noConfiguredPasswordMeansNoAdminAccess() {
        assertFalse(new AdminAuth("admin", null).permits(basic("admin:")));
        assertFalse(new AdminAuth("admin", "").permits(basic("admin:")));
        assertFalse(new AdminAuth(null, null).permits(basic("admin:admin")));
    }
}
