package org.haca.proof.zk.internal.snarkjs;

import java.math.BigInteger;
import java.nio.ByteBuffer;

/**
 * Reader and writer of snarkjs Groth16 proving keys (.zkey, binfile version 1). Sections: 1 protocol id (1 =
 * Groth16); 2 header (n8q, q, n8r, r, nVars, nPublic, domainSize, α1, β1, β2, γ2, δ1, δ2); 3 IC; 4 coefficients
 * (uint32 count, then uint32 matrix, uint32 constraint, uint32 signal, c·R² mod r); 5 A; 6 B1; 7 B2; 8 C; 9 H;
 * 10 contributions. Points are affine, coordinates in Montgomery form little-endian, infinity all zeros.
 */
public final class ZkeyFile {
    private static final String MAGIC = "zkey";
    private static final int GROTH16 = 1;
    private static final int G1_BYTES = 2 * Bn128.N8;
    private static final int G2_BYTES = 4 * Bn128.N8;
    private static final int COEF_BYTES = 12 + Bn128.N8;

    private ZkeyFile() {
    }

    public static Zkey read(byte[] data) {
        BinFile file = BinFile.parse(data, MAGIC, 1);
        ByteBuffer protocol = file.section(1);
        if (protocol.remaining() != 4 || protocol.getInt() != GROTH16) {
            throw new FormatException("zkey is not a Groth16 key (protocol section must be the uint32 1)");
        }
        ByteBuffer hdr = file.section(2);
        requireBytes(hdr, 4, "header");
        checkPrime(hdr, Bn128.Q, "q");
        checkPrime(hdr, Bn128.R, "r");
        requireBytes(hdr, 12, "header");
        int nVars = hdr.getInt();
        int nPublic = hdr.getInt();
        int domainSize = hdr.getInt();
        if (nVars < 1 || nPublic < 0 || nPublic >= nVars) {
            throw new FormatException("zkey header has nVars " + Integer.toUnsignedString(nVars) + " and nPublic "
                    + Integer.toUnsignedString(nPublic));
        }
        if (domainSize < 1 || Integer.bitCount(domainSize) != 1) {
            throw new FormatException("zkey domain size " + Integer.toUnsignedString(domainSize)
                    + " is not a power of two");
        }
        requireBytes(hdr, 3 * G1_BYTES + 3 * G2_BYTES, "header");
        RawG1 alpha1 = Codec.readG1(hdr, "alpha1");
        RawG1 beta1 = Codec.readG1(hdr, "beta1");
        RawG2 beta2 = Codec.readG2(hdr, "beta2");
        RawG2 gamma2 = Codec.readG2(hdr, "gamma2");
        RawG1 delta1 = Codec.readG1(hdr, "delta1");
        RawG2 delta2 = Codec.readG2(hdr, "delta2");
        BinFile.expectConsumed(hdr, "zkey header");

        RawG1[] ic = readG1s(file.section(3), nPublic + 1, "IC");
        ZkeyCoefficients coefs = readCoefficients(file.section(4), nVars, domainSize);
        RawG1[] a = readG1s(file.section(5), nVars, "A");
        RawG1[] b1 = readG1s(file.section(6), nVars, "B1");
        RawG2[] b2 = readG2s(file.section(7), nVars, "B2");
        RawG1[] c = readG1s(file.section(8), nVars - nPublic - 1, "C");
        RawG1[] h = readG1s(file.section(9), domainSize, "H");
        ByteBuffer contrib = file.section(10);
        byte[] contributions = new byte[contrib.remaining()];
        contrib.get(contributions);
        if (file.sections().size() != 10) {
            throw new FormatException("zkey has " + file.sections().size() + " sections, a Groth16 key has 10");
        }
        return new Zkey(nVars, nPublic, domainSize, alpha1, beta1, beta2, gamma2, delta1, delta2, ic, coefs, a, b1,
                b2, c, h, contributions, file.order());
    }

    public static byte[] write(Zkey z) {
        BinFile.Writer w = new BinFile.Writer(MAGIC, 1, 10);
        for (int type : z.sectionOrder()) {
            w.section(type, section(z, type));
        }
        return w.toByteArray();
    }

    private static byte[] section(Zkey z, int type) {
        switch (type) {
            case 1: {
                ByteBuffer b = BinFile.payload(4);
                b.putInt(GROTH16);
                return b.array();
            }
            case 2: {
                ByteBuffer b = BinFile.payload(2 * (4 + Bn128.N8) + 12 + 3 * G1_BYTES + 3 * G2_BYTES);
                b.putInt(Bn128.N8);
                Codec.writeLe(b, Bn128.Q, Bn128.N8);
                b.putInt(Bn128.N8);
                Codec.writeLe(b, Bn128.R, Bn128.N8);
                b.putInt(z.nVars()).putInt(z.nPublic()).putInt(z.domainSize());
                Codec.writeG1(b, z.alpha1());
                Codec.writeG1(b, z.beta1());
                Codec.writeG2(b, z.beta2());
                Codec.writeG2(b, z.gamma2());
                Codec.writeG1(b, z.delta1());
                Codec.writeG2(b, z.delta2());
                return b.array();
            }
            case 3:
                return g1s(z.ic());
            case 4:
                return coefficients(z.coefficients());
            case 5:
                return g1s(z.a());
            case 6:
                return g1s(z.b1());
            case 7: {
                ByteBuffer b = BinFile.payload((long) z.b2().length * G2_BYTES);
                for (RawG2 p : z.b2()) {
                    Codec.writeG2(b, p);
                }
                return b.array();
            }
            case 8:
                return g1s(z.c());
            case 9:
                return g1s(z.h());
            case 10:
                return z.contributions().clone();
            default:
                throw new IllegalArgumentException("no zkey section type " + type);
        }
    }

    private static byte[] g1s(RawG1[] points) {
        ByteBuffer b = BinFile.payload((long) points.length * G1_BYTES);
        for (RawG1 p : points) {
            Codec.writeG1(b, p);
        }
        return b.array();
    }

    private static byte[] coefficients(ZkeyCoefficients c) {
        ByteBuffer b = BinFile.payload(4 + (long) c.size() * COEF_BYTES);
        b.putInt(c.size());
        for (int i = 0; i < c.size(); i++) {
            b.putInt(c.matrix()[i]).putInt(c.constraint()[i]).putInt(c.signal()[i]);
            Codec.checkBelow(c.value()[i], Bn128.R, "coefficient " + i);
            Codec.writeLe(b, c.value()[i].multiply(Bn128.MONT_R2).mod(Bn128.R), Bn128.N8);
        }
        return b.array();
    }

    private static ZkeyCoefficients readCoefficients(ByteBuffer in, int nVars, int domainSize) {
        requireBytes(in, 4, "coefficients");
        long n = Integer.toUnsignedLong(in.getInt());
        if (n * COEF_BYTES != in.remaining()) {
            throw new FormatException("zkey coefficient section declares " + n + " entries but holds "
                    + in.remaining() + " bytes");
        }
        int count = (int) n;
        int[] matrix = new int[count];
        int[] constraint = new int[count];
        int[] signal = new int[count];
        BigInteger[] value = new BigInteger[count];
        for (int i = 0; i < count; i++) {
            matrix[i] = in.getInt();
            constraint[i] = in.getInt();
            signal[i] = in.getInt();
            if (matrix[i] != 0 && matrix[i] != 1) {
                throw new FormatException("zkey coefficient " + i + " names matrix " + matrix[i]
                        + " (only A = 0 and B = 1 are stored)");
            }
            if (Integer.compareUnsigned(constraint[i], domainSize) >= 0) {
                throw new FormatException("zkey coefficient " + i + " is in constraint "
                        + Integer.toUnsignedString(constraint[i]) + ", outside the domain of " + domainSize);
            }
            if (Integer.compareUnsigned(signal[i], nVars) >= 0) {
                throw new FormatException("zkey coefficient " + i + " names signal "
                        + Integer.toUnsignedString(signal[i]) + " of " + nVars);
            }
            BigInteger stored = Codec.readElement(in, Bn128.R, "coefficient " + i);
            value[i] = stored.multiply(Bn128.MONT_R2_INV).mod(Bn128.R);
        }
        return new ZkeyCoefficients(matrix, constraint, signal, value);
    }

    private static RawG1[] readG1s(ByteBuffer in, int n, String what) {
        if ((long) n * G1_BYTES != in.remaining()) {
            throw new FormatException("zkey " + what + " section holds " + in.remaining() + " bytes, expected " + n
                    + " G1 points");
        }
        RawG1[] out = new RawG1[n];
        for (int i = 0; i < n; i++) {
            out[i] = Codec.readG1(in, what + "[" + i + "]");
        }
        return out;
    }

    private static RawG2[] readG2s(ByteBuffer in, int n, String what) {
        if ((long) n * G2_BYTES != in.remaining()) {
            throw new FormatException("zkey " + what + " section holds " + in.remaining() + " bytes, expected " + n
                    + " G2 points");
        }
        RawG2[] out = new RawG2[n];
        for (int i = 0; i < n; i++) {
            out[i] = Codec.readG2(in, what + "[" + i + "]");
        }
        return out;
    }

    private static void checkPrime(ByteBuffer hdr, BigInteger expected, String name) {
        int n8 = hdr.getInt();
        if (n8 != Bn128.N8) {
            throw new FormatException("zkey " + name + " size " + n8 + " is not " + Bn128.N8 + " (only bn128)");
        }
        requireBytes(hdr, n8 + 4, "header");
        BigInteger p = Codec.readLe(hdr, n8);
        if (!p.equals(expected)) {
            throw new FormatException("zkey prime " + name + " = " + p + " is not bn128's");
        }
    }

    private static void requireBytes(ByteBuffer in, int n, String what) {
        if (in.remaining() < n) {
            throw new FormatException("zkey " + what + " section is truncated");
        }
    }
}
