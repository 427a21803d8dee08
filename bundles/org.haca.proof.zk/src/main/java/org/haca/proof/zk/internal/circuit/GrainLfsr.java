package org.haca.proof.zk.internal.circuit;

import java.math.BigInteger;

/**
 * The Grain LFSR of the Poseidon reference parameter script ({@code generate_parameters_grain.sage}, hadeshash): an
 * 80-bit register seeded with the instance description, taps 62, 51, 38, 23, 13, 0, the first 160 bits discarded,
 * output bits filtered in pairs (a pair (1, b) yields b, a pair (0, b) yields nothing).
 */
final class GrainLfsr {
    private final boolean[] state = new boolean[80];
    private int head;

    /**
     * @param primeField true for GF(p) (field code 1)
     * @param sbox 0 for x^alpha
     * @param fieldBits n, the field size in bits
     * @param width t
     * @param fullRounds R_F
     * @param partialRounds R_P
     */
    GrainLfsr(boolean primeField, int sbox, int fieldBits, int width, int fullRounds, int partialRounds) {
        int pos = 0;
        pos = put(pos, primeField ? 1 : 0, 2);
        pos = put(pos, sbox, 4);
        pos = put(pos, fieldBits, 12);
        pos = put(pos, width, 12);
        pos = put(pos, fullRounds, 10);
        pos = put(pos, partialRounds, 10);
        while (pos < 80) {
            state[pos++] = true;
        }
        for (int i = 0; i < 160; i++) {
            step();
        }
    }

    /** Writes {@code value} as {@code bits} bits, most significant first. */
    private int put(int pos, int value, int bits) {
        for (int i = bits - 1; i >= 0; i--) {
            state[pos++] = ((value >>> i) & 1) == 1;
        }
        return pos;
    }

    /** Shifts the register once and returns the new bit. */
    private boolean step() {
        boolean b = at(62) ^ at(51) ^ at(38) ^ at(23) ^ at(13) ^ at(0);
        state[head] = b; // the oldest bit (index 0) is replaced by the newest (index 79)
        head = (head + 1) % 80;
        return b;
    }

    private boolean at(int i) {
        return state[(head + i) % 80];
    }

    private boolean nextBit() {
        while (true) {
            boolean keep = step();
            boolean bit = step();
            if (keep) {
                return bit;
            }
        }
    }

    /** The next {@code bits} output bits as an unsigned integer, first bit most significant. */
    BigInteger nextBits(int bits) {
        byte[] be = new byte[(bits + 7) / 8 + 1];
        for (int i = 0; i < bits; i++) {
            if (nextBit()) {
                int bitIndex = bits - 1 - i; // from the least significant end
                be[be.length - 1 - bitIndex / 8] |= (byte) (1 << (bitIndex % 8));
            }
        }
        return new BigInteger(be);
    }

    /** The next value below {@code modulus} by rejection sampling of {@code bits}-bit integers. */
    BigInteger nextBelow(BigInteger modulus, int bits) {
        BigInteger v = nextBits(bits);
        while (v.compareTo(modulus) >= 0) {
            v = nextBits(bits);
        }
        return v;
    }
}
