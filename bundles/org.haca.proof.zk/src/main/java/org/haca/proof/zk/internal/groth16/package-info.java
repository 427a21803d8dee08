/**
 * Groth16 over BN254, compatible with snarkjs 0.7 in both directions: {@link Verifier} (never throws; returns a
 * {@link VerificationResult} with the reason), {@link Prover} over a reusable {@link ProvingKey} built once from a
 * .zkey, and {@link DevSetup}, an INSECURE single-party setup for development. Production keys are .zkey files from
 * a snarkjs ceremony, imported with {@link org.haca.proof.zk.internal.snarkjs.ZkeyFile#read} and
 * {@link ProvingKey#from}.
 */
package org.haca.proof.zk.internal.groth16;
