package org.haca.proof.zk.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.haca.api.proof.Statement;

/**
 * The {@code binding} public input of a ZKML proof: a field element fixed by the statement, so a proof made for one
 * request (network, model, input, output, nonce, time) is worthless for any other. Groth16 binds every public input,
 * so the circuit needs no constraint on it.
 *
 * <p>{@code binding = SHA-256("HACA-ZK/v1\0" ‖ u32be(len) ‖ UTF-8(networkId) ‖ modelHash ‖ inputHash ‖ outputHash ‖
 * u32be(len) ‖ nonce ‖ i64be(timestampMillis))} with the top three bits cleared (so it is below 2^253 &lt; r), read
 * big-endian; hashes are the 32 raw bytes of their hex, the nonce the raw bytes of its hex. The same layout as the TEE
 * binding (see {@link Statement}) with its own domain tag and digest.
 */
final class StatementBinding {
    private static final byte[] TAG = "HACA-ZK/v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern NONCE = Pattern.compile("([0-9a-f]{2}){0,512}");

    private StatementBinding() {
    }

    /** Whether the statement names a model, input and output at all (an unbound check has empty fields). */
    static boolean isBound(Statement s) {
        return !s.modelHash().isEmpty();
    }

    /**
     * @throws IllegalArgumentException when a hash is not 64 lowercase hex digits or the nonce is not lowercase hex
     */
    static BigInteger of(Statement s) {
        for (String h : new String[] {s.modelHash(), s.inputHash(), s.outputHash()}) {
            if (!HASH.matcher(h).matches()) {
                throw new IllegalArgumentException("statement hash is not 64 lowercase hex digits: '" + h + "'");
            }
        }
        if (!NONCE.matcher(s.nonce()).matches()) {
            throw new IllegalArgumentException("statement nonce is not lowercase hex (at most 512 bytes)");
        }
        HexFormat hex = HexFormat.of();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(TAG);
        byte[] net = s.networkId().getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(4).putInt(net.length).array());
        out.writeBytes(net);
        out.writeBytes(hex.parseHex(s.modelHash()));
        out.writeBytes(hex.parseHex(s.inputHash()));
        out.writeBytes(hex.parseHex(s.outputHash()));
        byte[] nonce = hex.parseHex(s.nonce());
        out.writeBytes(ByteBuffer.allocate(4).putInt(nonce.length).array());
        out.writeBytes(nonce);
        out.writeBytes(ByteBuffer.allocate(8).putLong(s.timestampMillis()).array());
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(out.toByteArray());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        digest[0] &= 0x1f;
        return new BigInteger(1, digest);
    }
}
