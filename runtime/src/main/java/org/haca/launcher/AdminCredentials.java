package org.haca.launcher;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Credentials of the web console and the admin REST API. They come from {@code HACA_ADMIN_USER} /
 * {@code HACA_ADMIN_PASSWORD}; there is no well-known default anywhere. In dev mode a missing password is generated
 * (and printed once by the launcher); outside dev mode it is required.
 */
record AdminCredentials(String user, String password, boolean generated) {
    static final int MIN_PASSWORD_LENGTH = 12;

    static AdminCredentials from(Map<String, String> env, boolean devMode) {
        String user = env.getOrDefault("HACA_ADMIN_USER", "admin");
        if (user.isBlank()) {
            throw new IllegalArgumentException("HACA_ADMIN_USER must not be blank");
        }
        String password = env.get("HACA_ADMIN_PASSWORD");
        if (password == null || password.isEmpty()) {
            if (!devMode) {
                throw new IllegalArgumentException("HACA_ADMIN_PASSWORD is required outside dev mode"
                        + " (the web console and admin API must not run with a default password)");
            }
            return new AdminCredentials(user, generate(), true);
        }
        if (password.length() < MIN_PASSWORD_LENGTH || password.equalsIgnoreCase("admin")) {
            throw new IllegalArgumentException("HACA_ADMIN_PASSWORD must have at least " + MIN_PASSWORD_LENGTH
                    + " characters and must not be a well-known default");
        }
        return new AdminCredentials(user, password, false);
    }

    private static String generate() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    @Override
    public String toString() {
        return "AdminCredentials[user=" + user + ", password=***]";
    }
}
