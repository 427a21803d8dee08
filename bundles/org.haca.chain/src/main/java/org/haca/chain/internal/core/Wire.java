package org.haca.chain.internal.core;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

/** Canonical big-endian primitives shared by transactions, state records and blocks. */
public final class Wire {
    private Wire() {
    }

    /** Append-only writer. */
    public static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(128);

        public Writer u8(int v) {
            out.write(v);
            return this;
        }

        public Writer u16(int v) {
            out.write(v >>> 8);
            out.write(v);
            return this;
        }

        public Writer u32(int v) {
            out.write(v >>> 24);
            out.write(v >>> 16);
            out.write(v >>> 8);
            out.write(v);
            return this;
        }

        public Writer u64(long v) {
            for (int s = 56; s >= 0; s -= 8) {
                out.write((int) (v >>> s));
            }
            return this;
        }

        public Writer raw(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        /** u16 length + UTF-8. */
        public Writer str(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            if (b.length > 0xffff) {
                throw new IllegalArgumentException("string too long");
            }
            u16(b.length);
            return raw(b);
        }

        /** u32 length + bytes. */
        public Writer bytes(byte[] b) {
            u32(b.length);
            return raw(b);
        }

        public int size() {
            return out.size();
        }

        public byte[] toByteArray() {
            return out.toByteArray();
        }
    }

    /** Bounds-checked reader: every read past the end or over a limit is a {@link MalformedException}. */
    public static final class Reader {
        private final byte[] buf;
        private int pos;

        public Reader(byte[] buf) {
            this.buf = buf;
        }

        public int position() {
            return pos;
        }

        public int remaining() {
            return buf.length - pos;
        }

        private void need(int n, String what) throws MalformedException {
            if (n < 0 || buf.length - pos < n) {
                throw new MalformedException("truncated " + what);
            }
        }

        public int u8(String what) throws MalformedException {
            need(1, what);
            return buf[pos++] & 0xff;
        }

        public int u16(String what) throws MalformedException {
            need(2, what);
            int v = (buf[pos] & 0xff) << 8 | buf[pos + 1] & 0xff;
            pos += 2;
            return v;
        }

        public int u32(String what) throws MalformedException {
            need(4, what);
            int v = ByteBuffer.wrap(buf, pos, 4).getInt();
            pos += 4;
            return v;
        }

        public long u64(String what) throws MalformedException {
            need(8, what);
            long v = ByteBuffer.wrap(buf, pos, 8).getLong();
            pos += 8;
            return v;
        }

        /** A u64 that must be a non-negative Java long (amounts, heights). */
        public long amount(String what) throws MalformedException {
            long v = u64(what);
            if (v < 0) {
                throw new MalformedException(what + " out of range");
            }
            return v;
        }

        public byte[] raw(int n, String what) throws MalformedException {
            need(n, what);
            byte[] b = new byte[n];
            System.arraycopy(buf, pos, b, 0, n);
            pos += n;
            return b;
        }

        public String str(int maxBytes, String what) throws MalformedException {
            int n = u16(what + " length");
            if (n > maxBytes) {
                throw new MalformedException(what + " longer than " + maxBytes + " bytes");
            }
            byte[] b = raw(n, what);
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
            } catch (CharacterCodingException e) {
                throw new MalformedException(what + " is not valid UTF-8");
            }
        }

        public byte[] bytes(int maxBytes, String what) throws MalformedException {
            int n = u32(what + " length");
            if (n < 0 || n > maxBytes) {
                throw new MalformedException(what + " longer than " + maxBytes + " bytes");
            }
            return raw(n, what);
        }

        public void end(String what) throws MalformedException {
            if (pos != buf.length) {
                throw new MalformedException((buf.length - pos) + " trailing bytes after " + what);
            }
        }
    }
}
