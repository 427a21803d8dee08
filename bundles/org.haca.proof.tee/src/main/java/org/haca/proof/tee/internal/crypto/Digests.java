package org.haca.proof.tee.internal.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** JDK message digests (always present). */
public final class Digests {
    private Digests() {
    }

    public static MessageDigest get(String alg) {
        try {
            return MessageDigest.getInstance(alg);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(alg + " missing from the JRE", e);
        }
    }

    public static byte[] sha256(byte[]... parts) {
        MessageDigest md = get("SHA-256");
        for (byte[] p : parts) {
            md.update(p);
        }
        return md.digest();
    }
}
