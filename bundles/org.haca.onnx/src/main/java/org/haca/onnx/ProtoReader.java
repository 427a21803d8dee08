package org.haca.onnx;

import java.nio.charset.StandardCharsets;

/**
 * Minimal protobuf wire-format decoder over a byte range. Every read is bounds-checked, so truncated or garbage input
 * ends in {@link OnnxFormatException}, never in an index error or an endless loop.
 */
final class ProtoReader {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LEN = 2;
    static final int FIXED32 = 5;

    private final byte[] buf;
    private int pos;
    private final int end;
    private int lastTag;

    ProtoReader(byte[] buf) {
        this(buf, 0, buf.length);
    }

    private ProtoReader(byte[] buf, int from, int end) {
        this.buf = buf;
        this.pos = from;
        this.end = end;
    }

    boolean hasMore() {
        return pos < end;
    }

    /** Reads the next tag; returns its field number. */
    int nextField() throws OnnxFormatException {
        long tag = readVarint();
        if (tag > Integer.MAX_VALUE || tag < 8) {
            throw new OnnxFormatException("invalid protobuf tag " + tag + " at byte " + pos);
        }
        lastTag = (int) tag;
        int wireType = lastTag & 7;
        if (wireType != VARINT && wireType != FIXED64 && wireType != LEN && wireType != FIXED32) {
            throw new OnnxFormatException("unsupported protobuf wire type " + wireType + " at byte " + pos);
        }
        return lastTag >>> 3;
    }

    int wireType() {
        return lastTag & 7;
    }

    long readVarint() throws OnnxFormatException {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= end) {
                throw new OnnxFormatException("truncated varint at byte " + pos);
            }
            byte b = buf[pos++];
            result |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return result;
            }
        }
        throw new OnnxFormatException("varint longer than 10 bytes at byte " + pos);
    }

    int readFixed32() throws OnnxFormatException {
        need(4);
        int v = (buf[pos] & 0xff) | (buf[pos + 1] & 0xff) << 8 | (buf[pos + 2] & 0xff) << 16 | (buf[pos + 3] & 0xff) << 24;
        pos += 4;
        return v;
    }

    long readFixed64() throws OnnxFormatException {
        long lo = readFixed32() & 0xffffffffL;
        long hi = readFixed32() & 0xffffffffL;
        return lo | hi << 32;
    }

    float readFloat() throws OnnxFormatException {
        expect(FIXED32);
        return Float.intBitsToFloat(readFixed32());
    }

    long readInt64() throws OnnxFormatException {
        expect(VARINT);
        return readVarint();
    }

    byte[] readBytes() throws OnnxFormatException {
        expect(LEN);
        int len = readLength();
        byte[] out = new byte[len];
        System.arraycopy(buf, pos, out, 0, len);
        pos += len;
        return out;
    }

    String readString() throws OnnxFormatException {
        return new String(readBytes(), StandardCharsets.UTF_8);
    }

    /** A reader over the embedded message of the current length-delimited field. */
    ProtoReader readMessage() throws OnnxFormatException {
        expect(LEN);
        int len = readLength();
        ProtoReader sub = new ProtoReader(buf, pos, pos + len);
        pos += len;
        return sub;
    }

    /** Reads a repeated int64 field in either packed or unpacked form, appending to {@code out}. */
    void readInt64s(LongList out) throws OnnxFormatException {
        if (wireType() == LEN) {
            ProtoReader packed = readMessage();
            while (packed.hasMore()) {
                out.add(packed.readVarint());
            }
        } else {
            out.add(readInt64());
        }
    }

    /** Reads a repeated float field in either packed or unpacked form. */
    void readFloats(FloatList out) throws OnnxFormatException {
        if (wireType() == LEN) {
            ProtoReader packed = readMessage();
            if ((packed.end - packed.pos) % 4 != 0) {
                throw new OnnxFormatException("packed float field length is not a multiple of 4");
            }
            while (packed.hasMore()) {
                out.add(Float.intBitsToFloat(packed.readFixed32()));
            }
        } else {
            out.add(readFloat());
        }
    }

    void skip() throws OnnxFormatException {
        switch (wireType()) {
            case VARINT -> readVarint();
            case FIXED64 -> {
                need(8);
                pos += 8;
            }
            case FIXED32 -> {
                need(4);
                pos += 4;
            }
            case LEN -> pos += readLength();
            default -> throw new OnnxFormatException("cannot skip wire type " + wireType());
        }
    }

    private int readLength() throws OnnxFormatException {
        long len = readVarint();
        if (len < 0 || len > end - pos) {
            throw new OnnxFormatException("length " + len + " runs past the end of the data at byte " + pos);
        }
        return (int) len;
    }

    private void expect(int wireType) throws OnnxFormatException {
        if (wireType() != wireType) {
            throw new OnnxFormatException("field " + (lastTag >>> 3) + " has wire type " + wireType() + ", expected "
                    + wireType);
        }
    }

    private void need(int n) throws OnnxFormatException {
        if (end - pos < n) {
            throw new OnnxFormatException("truncated data at byte " + pos);
        }
    }

    /** Growable primitive list, to avoid boxing large initializers. */
    static final class LongList {
        long[] a = new long[8];
        int n;

        void add(long v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }

    static final class FloatList {
        float[] a = new float[8];
        int n;

        void add(float v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        float[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }
}
