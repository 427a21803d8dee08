package org.haca.proof.tee.internal.cbor;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict CBOR (RFC 8949) decoder for attestation documents.
 *
 * <p>Accepted: unsigned and negative integers that fit a signed 64-bit long, byte and text strings (valid UTF-8),
 * arrays, maps with integer or text keys (no duplicates), tags, {@code false}, {@code true}, {@code null}. Rejected:
 * indefinite lengths, floats and other simple values, reserved additional-information values, non-shortest length
 * encodings, lengths beyond the remaining input, nesting deeper than {@link #MAX_DEPTH}, more than
 * {@link #MAX_ITEMS} items in total, and trailing bytes. Decoding does work proportional to the input length, so it
 * cannot hang, and it never allocates more than the input can justify.
 *
 * <p>Decoded values: {@link Long}, {@code byte[]}, {@link String}, {@link List}, {@link Map} (insertion order),
 * {@link Boolean}, {@link #NULL}, {@link Tagged}.
 */
public final class Cbor {
    public static final int MAX_DEPTH = 16;
    public static final int MAX_ITEMS = 4096;
    public static final int MAX_INPUT = 1 << 20;

    /** The CBOR {@code null}. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** A tagged item. */
    public record Tagged(long tag, Object value) {
    }

    private final byte[] in;
    private int pos;
    private int items;

    private Cbor(byte[] in) {
        this.in = in;
    }

    /** Decodes exactly one item spanning the whole input. */
    public static Object decode(byte[] input) throws CborException {
        if (input == null || input.length == 0) {
            throw new CborException("empty input");
        }
        if (input.length > MAX_INPUT) {
            throw new CborException("input larger than " + MAX_INPUT + " bytes");
        }
        Cbor c = new Cbor(input);
        Object v = c.item(0);
        if (c.pos != input.length) {
            throw new CborException((input.length - c.pos) + " trailing bytes after the CBOR item");
        }
        return v;
    }

    private Object item(int depth) throws CborException {
        if (depth > MAX_DEPTH) {
            throw new CborException("nesting deeper than " + MAX_DEPTH);
        }
        if (++items > MAX_ITEMS) {
            throw new CborException("more than " + MAX_ITEMS + " items");
        }
        int ib = u8();
        int major = ib >>> 5;
        int ai = ib & 0x1f;
        if (major == 7) {
            return switch (ai) {
                case 20 -> Boolean.FALSE;
                case 21 -> Boolean.TRUE;
                case 22 -> NULL;
                default -> throw new CborException("unsupported simple value or float (0x" + Integer.toHexString(ib) + ")");
            };
        }
        long arg = argument(ai);
        switch (major) {
            case 0:
                if (arg < 0) {
                    throw new CborException("unsigned integer beyond 2^63-1");
                }
                return arg;
            case 1:
                if (arg < 0) {
                    throw new CborException("negative integer beyond -2^63");
                }
                return -1 - arg;
            case 2:
                return bytes(arg);
            case 3:
                return text(arg);
            case 4: {
                int n = count(arg, 1);
                List<Object> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(item(depth + 1));
                }
                return Collections.unmodifiableList(list);
            }
            case 5: {
                int n = count(arg, 2);
                Map<Object, Object> map = new LinkedHashMap<>(Math.max(4, n * 2));
                for (int i = 0; i < n; i++) {
                    Object k = item(depth + 1);
                    if (!(k instanceof Long) && !(k instanceof String)) {
                        throw new CborException("map key must be an integer or a text string");
                    }
                    Object v = item(depth + 1);
                    if (map.putIfAbsent(k, v) != null) {
                        throw new CborException("duplicate map key " + k);
                    }
                }
                return Collections.unmodifiableMap(map);
            }
            case 6:
                return new Tagged(arg, item(depth + 1));
            default:
                throw new CborException("unreachable major type " + major);
        }
    }

    private int u8() throws CborException {
        if (pos >= in.length) {
            throw new CborException("truncated input");
        }
        return in[pos++] & 0xff;
    }

    /** The argument of an initial byte; shortest form required. Returns a raw 64-bit value (may be negative = huge). */
    private long argument(int ai) throws CborException {
        if (ai < 24) {
            return ai;
        }
        int len = switch (ai) {
            case 24 -> 1;
            case 25 -> 2;
            case 26 -> 4;
            case 27 -> 8;
            case 31 -> throw new CborException("indefinite length not allowed");
            default -> throw new CborException("reserved additional information " + ai);
        };
        if (in.length - pos < len) {
            throw new CborException("truncated input");
        }
        long v = 0;
        for (int i = 0; i < len; i++) {
            v = (v << 8) | (in[pos++] & 0xff);
        }
        boolean shortest = switch (len) {
            case 1 -> v >= 24;
            case 2 -> v > 0xff;
            case 4 -> v > 0xffff;
            default -> Long.compareUnsigned(v, 0xffffffffL) > 0;
        };
        if (!shortest) {
            throw new CborException("non-shortest integer encoding");
        }
        return v;
    }

    /** A container count, bounded by the remaining input (each element needs at least one byte). */
    private int count(long arg, int bytesPerElement) throws CborException {
        if (arg < 0 || arg > (long) (in.length - pos) / bytesPerElement) {
            throw new CborException("container length " + Long.toUnsignedString(arg) + " exceeds the input");
        }
        return (int) arg;
    }

    private byte[] bytes(long len) throws CborException {
        if (len < 0 || len > in.length - pos) {
            throw new CborException("string length " + Long.toUnsignedString(len) + " exceeds the input");
        }
        byte[] b = new byte[(int) len];
        System.arraycopy(in, pos, b, 0, b.length);
        pos += b.length;
        return b;
    }

    private String text(long len) throws CborException {
        byte[] b = bytes(len);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new CborException("text string is not valid UTF-8");
        }
    }

    // ---- minimal encoder for the COSE Sig_structure ----

    /** The shortest-form head of a byte string (major 2) or text string (major 3) or array (major 4). */
    public static byte[] head(int major, long length) {
        int mt = major << 5;
        if (length < 24) {
            return new byte[] { (byte) (mt | length) };
        } else if (length <= 0xff) {
            return new byte[] { (byte) (mt | 24), (byte) length };
        } else if (length <= 0xffff) {
            return new byte[] { (byte) (mt | 25), (byte) (length >>> 8), (byte) length };
        } else if (length <= 0xffffffffL) {
            return new byte[] { (byte) (mt | 26), (byte) (length >>> 24), (byte) (length >>> 16),
                    (byte) (length >>> 8), (byte) length };
        }
        byte[] h = new byte[9];
        h[0] = (byte) (mt | 27);
        for (int i = 0; i < 8; i++) {
            h[8 - i] = (byte) (length >>> (8 * i));
        }
        return h;
    }
}
