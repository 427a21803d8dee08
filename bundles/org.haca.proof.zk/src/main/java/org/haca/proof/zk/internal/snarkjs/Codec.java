package org.haca.proof.zk.internal.snarkjs;

import java.math.BigInteger;
import java.nio.ByteBuffer;

/** Little-endian field elements and Montgomery-form points of the iden3 binary formats. */
final class Codec {
    private Codec() {
    }

    static void checkBelow(BigInteger v, BigInteger modulus, String what) {
        if (v == null) {
            throw new FormatException(what + " is missing");
        }
        if (v.signum() < 0 || v.compareTo(modulus) >= 0) {
            throw new FormatException(what + " is not a canonical field element (must be 0 ≤ v < "
                    + (modulus.equals(Bn128.Q) ? "q" : "r") + "): " + v);
        }
    }

    /** Reads n8 little-endian bytes as an unsigned integer. */
    static BigInteger readLe(ByteBuffer in, int n8) {
        if (in.remaining() < n8) {
            throw new FormatException("truncated: need " + n8 + " bytes, " + in.remaining() + " left");
        }
        byte[] be = new byte[n8 + 1];
        for (int i = 0; i < n8; i++) {
            be[n8 - i] = in.get();
        }
        return new BigInteger(be);
    }

    static void writeLe(ByteBuffer out, BigInteger v, int n8) {
        byte[] be = v.toByteArray();
        for (int i = 0; i < n8; i++) {
            int j = be.length - 1 - i;
            out.put(j >= 0 ? be[j] : 0);
        }
        if (be.length > n8 + 1 || (be.length == n8 + 1 && be[0] != 0)) {
            throw new IllegalArgumentException("value does not fit in " + n8 + " bytes");
        }
    }

    /** A canonical element of F_modulus, little-endian (.wtns, headers). */
    static BigInteger readElement(ByteBuffer in, BigInteger modulus, String what) {
        BigInteger v = readLe(in, Bn128.N8);
        checkBelow(v, modulus, what);
        return v;
    }

    /** An Fq element in Montgomery form (a·2^256 mod q), as the .zkey points store coordinates. */
    static BigInteger readMontQ(ByteBuffer in, String what) {
        BigInteger m = readLe(in, Bn128.N8);
        checkBelow(m, Bn128.Q, what);
        return m.multiply(Bn128.MONT_Q_INV).mod(Bn128.Q);
    }

    static void writeMontQ(ByteBuffer out, BigInteger v) {
        writeLe(out, v.multiply(Bn128.MONT_Q).mod(Bn128.Q), Bn128.N8);
    }

    static RawG1 readG1(ByteBuffer in, String what) {
        return new RawG1(readMontQ(in, what + ".x"), readMontQ(in, what + ".y"));
    }

    static RawG2 readG2(ByteBuffer in, String what) {
        BigInteger x0 = readMontQ(in, what + ".x.c0");
        BigInteger x1 = readMontQ(in, what + ".x.c1");
        BigInteger y0 = readMontQ(in, what + ".y.c0");
        BigInteger y1 = readMontQ(in, what + ".y.c1");
        return new RawG2(x0, x1, y0, y1);
    }

    static void writeG1(ByteBuffer out, RawG1 p) {
        writeMontQ(out, p.x());
        writeMontQ(out, p.y());
    }

    static void writeG2(ByteBuffer out, RawG2 p) {
        writeMontQ(out, p.x0());
        writeMontQ(out, p.x1());
        writeMontQ(out, p.y0());
        writeMontQ(out, p.y1());
    }
}
