/**
 * The constraint-system model shared by the compiler (which builds it), the iden3 binary formats ({@code .r1cs},
 * {@code .wtns}) and the Groth16 setup (which consumes it). Field elements are canonical {@link java.math.BigInteger}s
 * mod r here: this layer is not on the hot path; the prover converts to Montgomery limbs once.
 */
package org.haca.proof.zk.internal.r1cs;
