/**
 * The snarkjs / iden3 artefacts of Groth16 on bn128, read strictly and written exactly as snarkjs writes them:
 * {@code verification_key.json}, {@code proof.json}, {@code public.json} ({@link SnarkjsJson}), the proving key
 * {@code .zkey} ({@link ZkeyFile}) and the witness {@code .wtns} ({@link WtnsFile}). Points are held as raw affine
 * coordinates ({@link RawG1}, {@link RawG2}): range-checked here, curve- and subgroup-checked by the Groth16 layer.
 * Malformed input raises {@link FormatException} with the reason.
 */
package org.haca.proof.zk.internal.snarkjs;
