package org.haca.api.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one canonical hashing of models and tensors. Every bundle that commits to a model, an input or an output (the
 * inference engine, proof systems, the chain, verifiers on other machines) must use these functions, so the same values
 * give the same lowercase-hex SHA-256 everywhere.
 *
 * <p>Encoding of one tensor: {@code "HACA-TENSOR/v1" 0x00}, the dtype name in ASCII, {@code 0x00}, the rank as a
 * little-endian uint32, each dimension as a little-endian int64, then the element bytes (little-endian, row-major).
 *
 * <p>Encoding of named tensors (a model's inputs or outputs): {@code "HACA-TENSORS/v1" 0x00}, the count as a
 * little-endian uint32, then for each name in ascending UTF-16 order: the UTF-8 name length as a little-endian uint32,
 * the name bytes, and the tensor encoding above.
 *
 * <p>A model's hash is the SHA-256 of its raw bytes, which is also its registry id.
 */
public final class CanonicalHash {
    private static final byte[] TENSOR_TAG = "HACA-TENSOR/v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TENSORS_TAG = "HACA-TENSORS/v1\0".getBytes(StandardCharsets.US_ASCII);

    private CanonicalHash() {
    }

    /** Lowercase hex SHA-256 of raw bytes (a model's id). */
    public static String ofBytes(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /** Lowercase hex SHA-256 of one tensor's canonical encoding. */
    public static String ofTensor(Tensor tensor) {
        MessageDigest md = sha256();
        md.update(TENSOR_TAG);
        updateTensor(md, tensor);
        return HexFormat.of().formatHex(md.digest());
    }

    /** Lowercase hex SHA-256 of named tensors; the map's own order does not matter. */
    public static String ofTensors(Map<String, Tensor> tensors) {
        MessageDigest md = sha256();
        md.update(TENSORS_TAG);
        md.update(uint32(tensors.size()));
        for (Map.Entry<String, Tensor> e : new TreeMap<>(tensors).entrySet()) {
            byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
            md.update(uint32(name.length));
            md.update(name);
            md.update(TENSOR_TAG);
            updateTensor(md, e.getValue());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void updateTensor(MessageDigest md, Tensor t) {
        md.update(t.dtype().name().getBytes(StandardCharsets.US_ASCII));
        md.update((byte) 0);
        long[] shape = t.shape();
        md.update(uint32(shape.length));
        ByteBuffer dims = ByteBuffer.allocate(8 * shape.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long d : shape) {
            dims.putLong(d);
        }
        md.update(dims.array());
        md.update(t.bytes());
    }

    private static byte[] uint32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
