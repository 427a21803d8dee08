package org.haca.proof.zk.internal.r1cs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The iden3 binary {@code .r1cs} format (as written by circom and read by snarkjs), version 1, BN254 only.
 *
 * <pre>
 * file     := "r1cs" u32 version=1, u32 nSections, section*          (sections in any order, each once)
 * section  := u32 type, u64 byteSize, content
 * type 1 header      : u32 n8=32, prime (n8 bytes LE), u32 nWires, u32 nPubOut, u32 nPubIn, u32 nPrvIn,
 *                      u64 nLabels, u32 nConstraints
 * type 2 constraints : per constraint the LCs A, B, C; LC := u32 n, then n × (u32 wireId, coeff n8 bytes LE)
 * type 3 wire→label  : nWires × u64 label id
 * </pre>
 * All integers are little-endian; coefficients are canonical (not Montgomery). Custom-gate sections (4, 5, PLONK only)
 * are rejected; other unknown sections are skipped.
 */
public final class R1csFile {
    private static final byte[] MAGIC = {'r', '1', 'c', 's'};
    private static final int VERSION = 1;
    private static final int N8 = 32;
    private static final int HEADER = 1;
    private static final int CONSTRAINTS = 2;
    private static final int WIRE_TO_LABEL = 3;
    private static final int CUSTOM_GATES_LIST = 4;
    private static final int CUSTOM_GATES_USES = 5;
    private static final int HEADER_SIZE = 4 + N8 + 4 * 4 + 8 + 4;

    private R1csFile() {
    }

    /** An {@code .r1cs} file's content: the constraint system and its wire → label map. */
    public record Contents(R1cs r1cs, long[] wireToLabel) {
        public Contents {
            wireToLabel = wireToLabel.clone();
        }

        @Override
        public long[] wireToLabel() {
            return wireToLabel.clone();
        }
    }

    /** Writes {@code r1cs} with the identity wire → label map (label i = wire i; needs nLabels ≥ nWires). */
    public static byte[] write(R1cs r1cs) {
        if (r1cs.nLabels() < r1cs.nWires()) {
            throw new IllegalArgumentException("identity label map needs nLabels >= nWires, got " + r1cs.nLabels());
        }
        long[] map = new long[r1cs.nWires()];
        for (int i = 0; i < map.length; i++) {
            map[i] = i;
        }
        return write(r1cs, map);
    }

    public static byte[] write(R1cs r1cs, long[] wireToLabel) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(r1cs, wireToLabel, out);
        } catch (IOException e) {
            throw new IllegalStateException(e); // cannot happen for a byte array
        }
        return out.toByteArray();
    }

    public static void write(R1cs r1cs, Path file) throws IOException {
        Files.write(file, write(r1cs));
    }

    /** Writes the sections in the order header, constraints, wire → label. */
    public static void write(R1cs r1cs, long[] wireToLabel, OutputStream out) throws IOException {
        if (wireToLabel.length != r1cs.nWires()) {
            throw new IllegalArgumentException("label map has " + wireToLabel.length + " entries, nWires is " + r1cs.nWires());
        }
        out.write(MAGIC);
        out.write(le32(VERSION));
        out.write(le32(3));

        ByteBuffer h = ByteBuffer.allocate(HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(N8).put(fieldLe(Field.R)).putInt(r1cs.nWires()).putInt(r1cs.nPubOut()).putInt(r1cs.nPubIn())
                .putInt(r1cs.nPrvIn()).putLong(r1cs.nLabels()).putInt(r1cs.constraints().size());
        section(out, HEADER, h.array());

        long size = 0;
        for (Constraint c : r1cs.constraints()) {
            size += lcSize(c.a()) + lcSize(c.b()) + lcSize(c.c());
        }
        out.write(le32(CONSTRAINTS));
        out.write(le64(size));
        ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (Constraint c : r1cs.constraints()) {
            for (LinearCombination lc : List.of(c.a(), c.b(), c.c())) {
                buf = room(out, buf, 4);
                buf.putInt(lc.size());
                for (int i = 0; i < lc.size(); i++) {
                    if (lc.wire(i) < 0 || lc.wire(i) >= r1cs.nWires()) {
                        throw new IllegalArgumentException("constraint refers to wire " + lc.wire(i) + " of " + r1cs.nWires());
                    }
                    buf = room(out, buf, 4 + N8);
                    buf.putInt(lc.wire(i)).put(fieldLe(lc.coeff(i)));
                }
            }
        }
        out.write(buf.array(), 0, buf.position());

        ByteBuffer m = ByteBuffer.allocate(8 * wireToLabel.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long l : wireToLabel) {
            m.putLong(l);
        }
        section(out, WIRE_TO_LABEL, m.array());
    }

    public static Contents read(Path file) throws IOException {
        return read(Files.readAllBytes(file));
    }

    public static Contents read(InputStream in) throws IOException {
        return read(in.readAllBytes());
    }

    /**
     * Parses an {@code .r1cs} file.
     *
     * @throws IOException naming the problem when the bytes are not a well-formed BN254 r1cs v1 file
     */
    public static Contents read(byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        need(b, 12, "file header");
        for (byte x : MAGIC) {
            if (b.get() != x) {
                throw new IOException("not an r1cs file (magic is not \"r1cs\")");
            }
        }
        int version = b.getInt();
        if (version != VERSION) {
            throw new IOException("unsupported r1cs version " + Integer.toUnsignedString(version));
        }
        long nSections = Integer.toUnsignedLong(b.getInt());
        int[] start = new int[6];
        int[] length = new int[6];
        for (long s = 0; s < nSections; s++) {
            need(b, 12, "section header");
            int type = b.getInt();
            long size = b.getLong();
            if (size < 0 || size > b.remaining()) {
                throw new IOException("section " + Integer.toUnsignedString(type) + " claims " + Long.toUnsignedString(size)
                        + " bytes, only " + b.remaining() + " left");
            }
            if (type == CUSTOM_GATES_LIST || type == CUSTOM_GATES_USES) {
                throw new IOException("r1cs with custom gates (PLONK) is not supported");
            }
            if (type >= HEADER && type <= WIRE_TO_LABEL) {
                if (length[type] != 0 || start[type] != 0) {
                    throw new IOException("duplicated section " + type);
                }
                start[type] = b.position();
                length[type] = (int) size;
            }
            b.position(b.position() + (int) size);
        }
        if (start[HEADER] == 0) {
            throw new IOException("missing header section");
        }
        ByteBuffer h = slice(bytes, start[HEADER], length[HEADER]);
        need(h, 4, "header");
        int n8 = h.getInt();
        if (n8 != N8) {
            throw new IOException("field element size " + n8 + " is not 32 (only BN254 is supported)");
        }
        need(h, HEADER_SIZE - 4, "header");
        BigInteger prime = readField(h);
        if (!prime.equals(Field.R)) {
            throw new IOException("prime " + prime + " is not the BN254 scalar field");
        }
        int nWires = h.getInt();
        int nPubOut = h.getInt();
        int nPubIn = h.getInt();
        int nPrvIn = h.getInt();
        long nLabels = h.getLong();
        int nConstraints = h.getInt();
        if (nWires < 1 || nPubOut < 0 || nPubIn < 0 || nPrvIn < 0 || nLabels < 0 || nConstraints < 0
                || (long) nPubOut + nPubIn + nPrvIn + 1 > nWires) {
            throw new IOException("inconsistent header: nWires " + nWires + ", nPubOut " + nPubOut + ", nPubIn " + nPubIn
                    + ", nPrvIn " + nPrvIn + ", nLabels " + nLabels + ", nConstraints " + nConstraints);
        }
        if (start[CONSTRAINTS] == 0 && nConstraints > 0) {
            throw new IOException("missing constraints section");
        }
        ByteBuffer cb = slice(bytes, start[CONSTRAINTS], length[CONSTRAINTS]);
        List<Constraint> constraints = new ArrayList<>(Math.min(nConstraints, 1 << 20));
        for (int i = 0; i < nConstraints; i++) {
            constraints.add(new Constraint(readLc(cb, nWires, i), readLc(cb, nWires, i), readLc(cb, nWires, i)));
        }
        if (cb.hasRemaining()) {
            throw new IOException("constraints section has " + cb.remaining() + " trailing bytes");
        }
        long[] map = new long[nWires];
        if (start[WIRE_TO_LABEL] != 0) {
            ByteBuffer mb = slice(bytes, start[WIRE_TO_LABEL], length[WIRE_TO_LABEL]);
            if (mb.remaining() != 8L * nWires) {
                throw new IOException("wire-to-label section has " + mb.remaining() + " bytes, expected " + 8L * nWires);
            }
            for (int i = 0; i < nWires; i++) {
                map[i] = mb.getLong();
            }
        } else {
            throw new IOException("missing wire-to-label section");
        }
        return new Contents(new R1cs(nWires, nPubOut, nPubIn, nPrvIn, nLabels, constraints), map);
    }

    private static LinearCombination readLc(ByteBuffer b, int nWires, int constraint) throws IOException {
        need(b, 4, "constraint " + constraint);
        long n = Integer.toUnsignedLong(b.getInt());
        if (n * (4 + N8) > b.remaining()) {
            throw new IOException("constraint " + constraint + ": linear combination of " + n + " terms overruns the section");
        }
        int[] wires = new int[(int) n];
        BigInteger[] coeffs = new BigInteger[(int) n];
        for (int i = 0; i < n; i++) {
            int w = b.getInt();
            if (w < 0 || w >= nWires) {
                throw new IOException("constraint " + constraint + " refers to wire " + Integer.toUnsignedString(w)
                        + " of " + nWires);
            }
            if (i > 0 && w <= wires[i - 1]) {
                throwIfDuplicate(wires, i, w, constraint);
            }
            BigInteger c = readField(b);
            if (c.compareTo(Field.R) >= 0) {
                throw new IOException("constraint " + constraint + ": coefficient is not reduced mod r");
            }
            wires[i] = w;
            coeffs[i] = c;
        }
        return new LinearCombination(wires, coeffs);
    }

    /** Terms are normally sorted by wire; an unsorted LC is accepted as long as no wire repeats. */
    private static void throwIfDuplicate(int[] wires, int n, int w, int constraint) throws IOException {
        for (int j = 0; j < n; j++) {
            if (wires[j] == w) {
                throw new IOException("constraint " + constraint + ": wire " + w + " appears twice in one linear combination");
            }
        }
    }

    private static ByteBuffer slice(byte[] bytes, int start, int length) {
        return ByteBuffer.wrap(bytes, start, length).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void need(ByteBuffer b, int n, String what) throws IOException {
        if (b.remaining() < n) {
            throw new IOException("truncated r1cs file: " + what + " needs " + n + " bytes, " + b.remaining() + " left");
        }
    }

    private static BigInteger readField(ByteBuffer b) {
        byte[] be = new byte[N8];
        for (int i = N8 - 1; i >= 0; i--) {
            be[i] = b.get();
        }
        return new BigInteger(1, be);
    }

    /** 32-byte little-endian encoding of a canonical field element. */
    static byte[] fieldLe(BigInteger v) {
        if (v.signum() < 0 || v.bitLength() > 8 * N8) {
            throw new IllegalArgumentException("not a canonical field element: " + v);
        }
        byte[] be = v.toByteArray();
        byte[] le = new byte[N8];
        for (int i = 0; i < be.length && i < N8; i++) {
            le[i] = be[be.length - 1 - i];
        }
        return le;
    }

    private static long lcSize(LinearCombination lc) {
        return 4 + (long) lc.size() * (4 + N8);
    }

    private static ByteBuffer room(OutputStream out, ByteBuffer buf, int n) throws IOException {
        if (buf.remaining() < n) {
            out.write(buf.array(), 0, buf.position());
            buf.clear();
        }
        return buf;
    }

    private static void section(OutputStream out, int type, byte[] content) throws IOException {
        out.write(le32(type));
        out.write(le64(content.length));
        out.write(content);
    }

    private static byte[] le32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    private static byte[] le64(long v) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
    }
}
