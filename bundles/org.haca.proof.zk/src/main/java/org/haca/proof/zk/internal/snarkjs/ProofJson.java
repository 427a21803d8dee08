package org.haca.proof.zk.internal.snarkjs;

/** snarkjs {@code proof.json} for Groth16 on bn128: π_A, π_B, π_C, coordinates raw (not yet curve-checked). */
public record ProofJson(RawG1 a, RawG2 b, RawG1 c) {
}
