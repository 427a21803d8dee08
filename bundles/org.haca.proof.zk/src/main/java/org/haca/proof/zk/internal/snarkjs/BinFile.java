package org.haca.proof.zk.internal.snarkjs;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The iden3 "binfile" container shared by .zkey, .wtns, .r1cs and .ptau: a 4-byte ASCII magic, a uint32 version, a
 * uint32 section count, then sections of (uint32 type, uint64 byte length, payload), all little-endian. Sections are
 * looked up by type; their order in the file is kept so that a re-written file is byte-identical.
 */
public final class BinFile {
    /** One section: its type and where its payload lies in the file. */
    public record Section(int type, int offset, int length) {
    }

    private final byte[] data;
    private final int version;
    private final List<Section> sections;

    private BinFile(byte[] data, int version, List<Section> sections) {
        this.data = data;
        this.version = version;
        this.sections = List.copyOf(sections);
    }

    /** Parses the container; checks magic, version (1..maxVersion) and that every section lies inside the file. */
    public static BinFile parse(byte[] data, String magic, int maxVersion) {
        if (data.length < 12) {
            throw new FormatException("not a " + magic + " file: " + data.length + " bytes is shorter than the header");
        }
        String actual = new String(data, 0, 4, StandardCharsets.ISO_8859_1);
        if (!actual.equals(magic)) {
            throw new FormatException("not a " + magic + " file: magic is '" + printable(actual) + "'");
        }
        ByteBuffer in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        in.position(4);
        int version = in.getInt();
        if (version < 1 || version > maxVersion) {
            throw new FormatException(magic + " version " + Integer.toUnsignedString(version) + " is not supported (1.."
                    + maxVersion + ")");
        }
        long nSections = Integer.toUnsignedLong(in.getInt());
        List<Section> sections = new ArrayList<>();
        for (long i = 0; i < nSections; i++) {
            if (in.remaining() < 12) {
                throw new FormatException(magic + " file truncated in the header of section " + i);
            }
            int type = in.getInt();
            long length = in.getLong();
            if (length < 0 || length > in.remaining()) {
                throw new FormatException(magic + " section " + i + " (type " + type + ") claims " + length
                        + " bytes, only " + in.remaining() + " left");
            }
            sections.add(new Section(type, in.position(), (int) length));
            in.position(in.position() + (int) length);
        }
        if (in.remaining() != 0) {
            throw new FormatException(magic + " file has " + in.remaining() + " trailing bytes after its sections");
        }
        return new BinFile(data, version, sections);
    }

    public int version() {
        return version;
    }

    public List<Section> sections() {
        return sections;
    }

    /** The section types in file order. */
    public int[] order() {
        return sections.stream().mapToInt(Section::type).toArray();
    }

    /** A little-endian view of the payload of the only section of this type. */
    public ByteBuffer section(int type) {
        Section found = null;
        for (Section s : sections) {
            if (s.type == type) {
                if (found != null) {
                    throw new FormatException("section type " + type + " appears more than once");
                }
                found = s;
            }
        }
        if (found == null) {
            throw new FormatException("section type " + type + " is missing");
        }
        return ByteBuffer.wrap(data, found.offset, found.length).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Throws unless the buffer was read to its end (a section longer than its content is malformed). */
    static void expectConsumed(ByteBuffer section, String what) {
        if (section.hasRemaining()) {
            throw new FormatException(what + " section has " + section.remaining() + " unexpected trailing bytes");
        }
    }

    private static String printable(String s) {
        return s.replaceAll("[^\\x20-\\x7e]", "?");
    }

    /** Writes a container: sections are appended in call order. */
    public static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        public Writer(String magic, int version, int nSections) {
            byte[] m = magic.getBytes(StandardCharsets.ISO_8859_1);
            if (m.length != 4) {
                throw new IllegalArgumentException("magic must be 4 ASCII characters");
            }
            out.writeBytes(m);
            ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            b.putInt(version).putInt(nSections);
            out.writeBytes(b.array());
        }

        public Writer section(int type, byte[] payload) {
            ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            b.putInt(type).putLong(payload.length);
            out.writeBytes(b.array());
            out.writeBytes(payload);
            return this;
        }

        public byte[] toByteArray() {
            return out.toByteArray();
        }
    }

    /** A little-endian buffer of exactly {@code size} bytes for building a section payload. */
    static ByteBuffer payload(long size) {
        if (size > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("section of " + size + " bytes is too large");
        }
        return ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
