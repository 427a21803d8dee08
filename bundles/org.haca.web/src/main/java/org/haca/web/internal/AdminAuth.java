package org.haca.web.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Checks HTTP Basic credentials of admin REST calls against the node's admin credentials, which the launcher puts in
 * the framework properties {@code felix.webconsole.username} / {@code felix.webconsole.password} (the same ones the
 * web console uses). No credentials configured means no admin access at all, never a default.
 */
final class AdminAuth {
    private final byte[] user;
    private final byte[] password;

    AdminAuth(String user, String password) {
        this.user = user == null ? null : user.getBytes(StandardCharsets.UTF_8);
        this.password = password == null || password.isEmpty() ? null : password.getBytes(StandardCharsets.UTF_8);
    }

    /** @param authorization the Authorization header, or null */
    boolean permits(String authorization) {
        if (user == null || password == null || authorization == null || !authorization.startsWith("Basic ")) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        // compare both parts fully, in constant time, before deciding
        boolean userOk = MessageDigest.isEqual(user, decoded.substring(0, colon).getBytes(StandardCharsets.UTF_8));
        boolean passwordOk = MessageDigest.isEqual(password,
                decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8));
        return userOk & passwordOk;
    }
}
