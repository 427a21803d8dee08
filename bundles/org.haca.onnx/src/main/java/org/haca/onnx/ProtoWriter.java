package org.haca.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Minimal protobuf wire-format encoder, the inverse of {@link ProtoReader}. */
final class ProtoWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    ProtoWriter varint(int field, long value) {
        tag(field, ProtoReader.VARINT);
        rawVarint(value);
        return this;
    }

    ProtoWriter fixed32(int field, float value) {
        tag(field, ProtoReader.FIXED32);
        rawFixed32(Float.floatToRawIntBits(value));
        return this;
    }

    ProtoWriter bytes(int field, byte[] value) {
        tag(field, ProtoReader.LEN);
        rawVarint(value.length);
        out.writeBytes(value);
        return this;
    }

    ProtoWriter string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    ProtoWriter message(int field, ProtoWriter message) {
        return bytes(field, message.toByteArray());
    }

    ProtoWriter packedInt64s(int field, long[] values) {
        ProtoWriter p = new ProtoWriter();
        for (long v : values) {
            p.rawVarint(v);
        }
        return bytes(field, p.toByteArray());
    }

    ProtoWriter packedFloats(int field, float[] values) {
        ProtoWriter p = new ProtoWriter();
        for (float v : values) {
            p.rawFixed32(Float.floatToRawIntBits(v));
        }
        return bytes(field, p.toByteArray());
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    private void tag(int field, int wireType) {
        rawVarint((long) field << 3 | wireType);
    }

    private void rawVarint(long v) {
        while ((v & ~0x7fL) != 0) {
            out.write((int) (v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
    }

    private void rawFixed32(int v) {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }
}
