/**
 * INTERIM BN254 arithmetic written on branch groth16 so that the Groth16 layer builds and is cross-checked before
 * branch bn254 (the designated implementation, same API) lands; replace this package with that branch's when merging.
 * Montgomery 4 × 64-bit limbs for Fq and Fr, Jacobian G1/G2 with Pippenger MSM, radix-2 NTT on snarkjs's domains,
 * and a plain (slow, BigInteger) reduced Tate pairing for {@link Pairing#pairingCheck}.
 */
package org.haca.proof.zk.internal.bn254;
