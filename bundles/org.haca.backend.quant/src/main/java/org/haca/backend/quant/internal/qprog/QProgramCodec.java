package org.haca.backend.quant.internal.qprog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Canonical binary form of a {@link QProgram} ("HACA-QPROG" version 1), for the ZKML compiler and for caching.
 * Big-endian ({@link DataOutputStream}); strings are modified UTF-8 with a 2-byte length; an int array is its int32
 * length (-1 for null) then the elements; a byte array is its int32 length then the bytes. Layout:
 *
 * <pre>
 * "HACA-QPROG"  int32 version=1  utf scheme="haca-int8-pow2/v1"
 * int32 #inputs   { utf name, int32 rank, int64 dim × rank (-1 = dynamic), int32 exponent }
 * int32 #outputs  { utf name, utf tensor, int32 exponent }
 * int32 #tensors  { utf name, int32 exponent }              sorted by name
 * int32 #ops      { uint8 tag, fields... }
 *   1 Linear   utf in, utf out, int32 M, int32 K, bytes W[M*K], int32 wExp, ints bias|null, int32 shift, bool relu
 *   2 Conv     utf in, utf out, int32 M, C, KH, KW, bytes W, int32 wExp, ints bias|null, ints pads[4], ints strides[2],
 *              ints dilations[2], int32 shift, bool relu
 *   3 MaxPool  utf in, utf out, int32 KH, KW, ints pads[4], ints strides[2]
 *   4 AvgPool  utf in, utf out, int32 KH, KW, ints pads[4], ints strides[2], bool countIncludePad
 *   5 Relu     utf in, utf out
 *   6 Add      utf a, utf b, utf out, int32 shiftA, shiftB, shift, bool relu
 *   7 AddConst utf in, utf out, ints constShape, ints constant, int32 shift, bool relu
 *   8 Reshape  utf in, utf out, int32 rank, int64 dims
 *   9 Flatten  utf in, utf out, int32 axis
 * </pre>
 */
public final class QProgramCodec {
    private static final String MAGIC = "HACA-QPROG";
    private static final int VERSION = 1;

    private QProgramCodec() {
    }

    public static byte[] encode(QProgram p) {
        try {
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            DataOutputStream o = new DataOutputStream(bos);
            o.writeUTF(MAGIC);
            o.writeInt(VERSION);
            o.writeUTF(QProgram.SCHEME);
            o.writeInt(p.inputs().size());
            for (QProgram.Input in : p.inputs()) {
                o.writeUTF(in.name());
                long[] s = in.shape();
                o.writeInt(s.length);
                for (long d : s) {
                    o.writeLong(d);
                }
                o.writeInt(in.exponent());
            }
            o.writeInt(p.outputs().size());
            for (QProgram.Output out : p.outputs()) {
                o.writeUTF(out.name());
                o.writeUTF(out.tensor());
                o.writeInt(out.exponent());
            }
            o.writeInt(p.exponents().size());
            for (Map.Entry<String, Integer> e : p.exponents().entrySet()) { // TreeMap: sorted
                o.writeUTF(e.getKey());
                o.writeInt(e.getValue());
            }
            o.writeInt(p.ops().size());
            for (QOp op : p.ops()) {
                writeOp(o, op);
            }
            o.flush();
            return bos.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lowercase hex SHA-256 of {@link #encode}: the commitment to the quantized model. */
    public static String hash(QProgram p) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(encode(p)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static QProgram decode(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        try {
            if (!MAGIC.equals(in.readUTF()) || in.readInt() != VERSION || !QProgram.SCHEME.equals(in.readUTF())) {
                throw new IOException("not a HACA-QPROG v1 program");
            }
            int n = count(in);
            List<QProgram.Input> inputs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                long[] s = new long[count(in)];
                for (int j = 0; j < s.length; j++) {
                    s[j] = in.readLong();
                }
                inputs.add(new QProgram.Input(name, s, in.readInt()));
            }
            n = count(in);
            List<QProgram.Output> outputs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                outputs.add(new QProgram.Output(in.readUTF(), in.readUTF(), in.readInt()));
            }
            n = count(in);
            Map<String, Integer> exps = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                exps.put(in.readUTF(), in.readInt());
            }
            n = count(in);
            List<QOp> ops = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ops.add(readOp(in));
            }
            if (in.read() != -1) {
                throw new IOException("trailing bytes after program");
            }
            return new QProgram(inputs, outputs, exps, ops);
        } catch (EOFException e) {
            throw new IOException("truncated program", e);
        } catch (IllegalArgumentException e) {
            throw new IOException("invalid program: " + e.getMessage(), e);
        }
    }

    private static void writeOp(DataOutputStream o, QOp op) throws IOException {
        {
            if (op instanceof QOp.Linear l) {
                o.writeByte(1);
                o.writeUTF(l.input());
                o.writeUTF(l.output());
                o.writeInt(l.m());
                o.writeInt(l.k());
                bytes(o, l.weight());
                o.writeInt(l.weightExp());
                ints(o, l.bias());
                o.writeInt(l.shift());
                o.writeBoolean(l.relu());
            }
            if (op instanceof QOp.Conv c) {
                o.writeByte(2);
                o.writeUTF(c.input());
                o.writeUTF(c.output());
                o.writeInt(c.m());
                o.writeInt(c.c());
                o.writeInt(c.kh());
                o.writeInt(c.kw());
                bytes(o, c.weight());
                o.writeInt(c.weightExp());
                ints(o, c.bias());
                ints(o, c.pads());
                ints(o, c.strides());
                ints(o, c.dilations());
                o.writeInt(c.shift());
                o.writeBoolean(c.relu());
            }
            if (op instanceof QOp.MaxPool p) {
                o.writeByte(3);
                o.writeUTF(p.input());
                o.writeUTF(p.output());
                o.writeInt(p.kh());
                o.writeInt(p.kw());
                ints(o, p.pads());
                ints(o, p.strides());
            }
            if (op instanceof QOp.AvgPool p) {
                o.writeByte(4);
                o.writeUTF(p.input());
                o.writeUTF(p.output());
                o.writeInt(p.kh());
                o.writeInt(p.kw());
                ints(o, p.pads());
                ints(o, p.strides());
                o.writeBoolean(p.countIncludePad());
            }
            if (op instanceof QOp.Relu r) {
                o.writeByte(5);
                o.writeUTF(r.input());
                o.writeUTF(r.output());
            }
            if (op instanceof QOp.Add a) {
                o.writeByte(6);
                o.writeUTF(a.a());
                o.writeUTF(a.b());
                o.writeUTF(a.output());
                o.writeInt(a.shiftA());
                o.writeInt(a.shiftB());
                o.writeInt(a.shift());
                o.writeBoolean(a.relu());
            }
            if (op instanceof QOp.AddConst a) {
                o.writeByte(7);
                o.writeUTF(a.input());
                o.writeUTF(a.output());
                ints(o, a.constShape());
                ints(o, a.constant());
                o.writeInt(a.shift());
                o.writeBoolean(a.relu());
            }
            if (op instanceof QOp.Reshape r) {
                o.writeByte(8);
                o.writeUTF(r.input());
                o.writeUTF(r.output());
                o.writeInt(r.shape().length);
                for (long d : r.shape()) {
                    o.writeLong(d);
                }
            }
            if (op instanceof QOp.Flatten f) {
                o.writeByte(9);
                o.writeUTF(f.input());
                o.writeUTF(f.output());
                o.writeInt(f.axis());
            }
        }
    }

    private static QOp readOp(DataInputStream in) throws IOException {
        int tag = in.readUnsignedByte();
        switch (tag) {
            case 1:
                return new QOp.Linear(in.readUTF(), in.readUTF(), in.readInt(), in.readInt(), bytes(in), in.readInt(),
                        ints(in), in.readInt(), in.readBoolean());
            case 2:
                return new QOp.Conv(in.readUTF(), in.readUTF(), in.readInt(), in.readInt(), in.readInt(), in.readInt(),
                        bytes(in), in.readInt(), ints(in), ints(in), ints(in), ints(in), in.readInt(), in.readBoolean());
            case 3:
                return new QOp.MaxPool(in.readUTF(), in.readUTF(), in.readInt(), in.readInt(), ints(in), ints(in));
            case 4:
                return new QOp.AvgPool(in.readUTF(), in.readUTF(), in.readInt(), in.readInt(), ints(in), ints(in),
                        in.readBoolean());
            case 5:
                return new QOp.Relu(in.readUTF(), in.readUTF());
            case 6:
                return new QOp.Add(in.readUTF(), in.readUTF(), in.readUTF(), in.readInt(), in.readInt(), in.readInt(),
                        in.readBoolean());
            case 7:
                return new QOp.AddConst(in.readUTF(), in.readUTF(), ints(in), ints(in), in.readInt(), in.readBoolean());
            case 8: {
                String a = in.readUTF();
                String b = in.readUTF();
                long[] s = new long[count(in)];
                for (int i = 0; i < s.length; i++) {
                    s[i] = in.readLong();
                }
                return new QOp.Reshape(a, b, s);
            }
            case 9:
                return new QOp.Flatten(in.readUTF(), in.readUTF(), in.readInt());
            default:
                throw new IOException("unknown op tag " + tag);
        }
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 28) {
            throw new IOException("bad count " + n);
        }
        return n;
    }

    private static void bytes(DataOutputStream o, byte[] b) throws IOException {
        o.writeInt(b.length);
        o.write(b);
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        byte[] b = new byte[count(in)];
        in.readFully(b);
        return b;
    }

    private static void ints(DataOutputStream o, int[] a) throws IOException {
        if (a == null) {
            o.writeInt(-1);
            return;
        }
        o.writeInt(a.length);
        for (int v : a) {
            o.writeInt(v);
        }
    }

    private static int[] ints(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n == -1) {
            return null;
        }
        if (n < 0 || n > 1 << 28) {
            throw new IOException("bad count " + n);
        }
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = in.readInt();
        }
        return a;
    }
}
