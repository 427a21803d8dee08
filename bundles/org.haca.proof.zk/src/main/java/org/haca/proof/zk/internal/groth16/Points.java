package org.haca.proof.zk.internal.groth16;

import java.math.BigInteger;

import org.haca.proof.zk.internal.bn254.G1;
import org.haca.proof.zk.internal.bn254.G2;
import org.haca.proof.zk.internal.snarkjs.FormatException;
import org.haca.proof.zk.internal.snarkjs.RawG1;
import org.haca.proof.zk.internal.snarkjs.RawG2;

/** Conversions between the raw coordinates of the file formats and checked BN254 points. */
final class Points {
    /** The standard G2 generator (snarkjs's vk_gamma_2 before any ceremony). */
    static final RawG2 G2_GENERATOR = new RawG2(
            new BigInteger("10857046999023057135944570762232829481370756359578518086990519993285655852781"),
            new BigInteger("11559732032986387107991004021392285783925812861821192530917403151452391805634"),
            new BigInteger("8495653923123431417604973247489272438418190587263600148770280649306958101930"),
            new BigInteger("4082367875863433681332203403145435568316851327593401208105741076214120093531"));

    private Points() {
    }

    /** A G1 point, checked to be on the curve (G1 has cofactor 1, so that is also the subgroup check). */
    static G1 g1(RawG1 p, String what) {
        if (p.isInfinity()) {
            return G1.infinity();
        }
        try {
            return G1.fromAffine(p.x(), p.y());
        } catch (IllegalArgumentException e) {
            throw new FormatException(what + " is not a point of G1: " + e.getMessage(), e);
        }
    }

    /** A G2 point, checked to be on the twist and in the order-r subgroup (by {@link G2#fromAffine}). */
    static G2 g2(RawG2 p, String what) {
        if (p.isInfinity()) {
            return G2.infinity();
        }
        try {
            return G2.fromAffine(p.x0(), p.x1(), p.y0(), p.y1()); // checks the twist equation and the subgroup
        } catch (IllegalArgumentException e) {
            throw new FormatException(what + " is not a point of G2: " + e.getMessage(), e);
        }
    }

    static RawG1 raw(G1 p) {
        return p.isInfinity() ? RawG1.INFINITY : new RawG1(p.x(), p.y());
    }

    static RawG2 raw(G2 p) {
        return p.isInfinity() ? RawG2.INFINITY : new RawG2(p.x0(), p.x1(), p.y0(), p.y1());
    }

    static G2 g2Generator() {
        return g2(G2_GENERATOR, "G2 generator");
    }
}
