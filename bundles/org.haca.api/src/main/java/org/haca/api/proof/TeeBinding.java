package org.haca.api.proof;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The 64-byte TEE binding of a {@link Statement}: what an enclave puts in Nitro {@code user_data} or TDX
 * {@code REPORTDATA}, and what every TEE verifier and the dev simulator recompute. It lives in the API because it is
 * part of the network protocol: provers and verifiers in different bundles (and on different machines) must agree on
 * every byte.
 *
 * <pre>
 * binding = SHA-512( "HACA-TEE/v1" 0x00                       12 bytes, ASCII domain tag with its NUL
 *                  ‖ u32be(len(networkIdUtf8)) ‖ networkIdUtf8 networkId as UTF-8 (1..256 bytes)
 *                  ‖ modelHash                                 32 raw bytes (statement: 64 lowercase hex chars)
 *                  ‖ inputHash                                 32 raw bytes (idem)
 *                  ‖ outputHash                                32 raw bytes (idem)
 *                  ‖ u32be(len(nonce)) ‖ nonce                 raw nonce bytes (statement: lowercase hex, 0..512 bytes)
 *                  ‖ i64be(timestampMillis) )                  8 bytes, big-endian two's complement
 * </pre>
 *
 * A statement whose hashes or nonce are not in that form has no binding: {@link #of} throws
 * {@link IllegalArgumentException}, which verifiers report as a failed {@code binding} check.
 */
public final class TeeBinding {
    public static final byte[] DOMAIN = "HACA-TEE/v1\0".getBytes(StandardCharsets.US_ASCII);
    public static final int MAX_NONCE_BYTES = 512;
    public static final int MAX_NETWORK_ID_BYTES = 256;

    private TeeBinding() {
    }

    /** The 64-byte binding; throws {@link IllegalArgumentException} for a statement that cannot be bound. */
    public static byte[] of(Statement s) {
        byte[] network = s.networkId().getBytes(StandardCharsets.UTF_8);
        if (network.length == 0 || network.length > MAX_NETWORK_ID_BYTES) {
            throw new IllegalArgumentException("networkId must be 1.." + MAX_NETWORK_ID_BYTES + " UTF-8 bytes");
        }
        byte[] model = hash32("modelHash", s.modelHash());
        byte[] input = hash32("inputHash", s.inputHash());
        byte[] output = hash32("outputHash", s.outputHash());
        byte[] nonce = nonceBytes(s);
        if (nonce == null) {
            throw new IllegalArgumentException("nonce must be lowercase hex of at most " + MAX_NONCE_BYTES + " bytes");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(160 + network.length + nonce.length);
        out.writeBytes(DOMAIN);
        u32(out, network.length);
        out.writeBytes(network);
        out.writeBytes(model);
        out.writeBytes(input);
        out.writeBytes(output);
        u32(out, nonce.length);
        out.writeBytes(nonce);
        long t = s.timestampMillis();
        for (int i = 7; i >= 0; i--) {
            out.write((int) (t >>> (8 * i)));
        }
        try {
            return MessageDigest.getInstance("SHA-512").digest(out.toByteArray());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-512", e);
        }
    }

    /** The statement nonce as raw bytes, or null when it is not lowercase hex within the size limit. */
    public static byte[] nonceBytes(Statement s) {
        byte[] nonce = decodeLowerHex(s.nonce());
        return nonce == null || nonce.length > MAX_NONCE_BYTES ? null : nonce;
    }

    private static byte[] hash32(String name, String hex) {
        byte[] b = decodeLowerHex(hex);
        if (b == null || b.length != 32) {
            throw new IllegalArgumentException(name + " must be 64 lowercase hex characters");
        }
        return b;
    }

    /** Strict: even length, only 0-9 and a-f (one spelling per value, so one binding per statement). */
    private static byte[] decodeLowerHex(String hex) {
        if (hex == null || (hex.length() & 1) != 0) {
            return null;
        }
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = nibble(hex.charAt(2 * i));
            int lo = nibble(hex.charAt(2 * i + 1));
            if (hi < 0 || lo < 0) {
                return null;
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    private static int nibble(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }

    private static void u32(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }
}
