package org.haca.proof.zk.internal.snarkjs;

import java.math.BigInteger;
import java.nio.ByteBuffer;

/**
 * The iden3 witness file (.wtns, version 2): section 1 = uint32 n8, the prime r (n8 bytes LE), uint32 nWitness;
 * section 2 = the witness values, n8 bytes each, little-endian, canonical (not Montgomery). Values are checked
 * against r on read.
 */
public final class WtnsFile {
    private static final String MAGIC = "wtns";
    private static final int VERSION = 2;

    private WtnsFile() {
    }

    public static BigInteger[] read(byte[] data) {
        BinFile file = BinFile.parse(data, MAGIC, VERSION);
        ByteBuffer header = file.section(1);
        if (header.remaining() < 4) {
            throw new FormatException("wtns header section is truncated");
        }
        int n8 = header.getInt();
        if (n8 != Bn128.N8) {
            throw new FormatException("wtns field element size " + n8 + " is not " + Bn128.N8 + " (bn128)");
        }
        BigInteger prime = Codec.readLe(header, n8);
        if (!prime.equals(Bn128.R)) {
            throw new FormatException("wtns prime " + prime + " is not the bn128 scalar field r");
        }
        if (header.remaining() < 4) {
            throw new FormatException("wtns header section is truncated");
        }
        long n = Integer.toUnsignedLong(header.getInt());
        BinFile.expectConsumed(header, "wtns header");
        ByteBuffer values = file.section(2);
        if ((long) values.remaining() != n * n8) {
            throw new FormatException("wtns declares " + n + " values but its data section holds "
                    + values.remaining() + " bytes");
        }
        BigInteger[] witness = new BigInteger[(int) n];
        for (int i = 0; i < n; i++) {
            witness[i] = Codec.readElement(values, Bn128.R, "witness[" + i + "]");
        }
        return witness;
    }

    public static byte[] write(BigInteger[] witness) {
        ByteBuffer header = BinFile.payload(4 + Bn128.N8 + 4);
        header.putInt(Bn128.N8);
        Codec.writeLe(header, Bn128.R, Bn128.N8);
        header.putInt(witness.length);
        ByteBuffer values = BinFile.payload((long) witness.length * Bn128.N8);
        for (int i = 0; i < witness.length; i++) {
            Codec.checkBelow(witness[i], Bn128.R, "witness[" + i + "]");
            Codec.writeLe(values, witness[i], Bn128.N8);
        }
        return new BinFile.Writer(MAGIC, VERSION, 2).section(1, header.array()).section(2, values.array())
                .toByteArray();
    }
}
