/**
 * The ZKML compiler: a quantized program ({@code org.haca.backend.quant.internal.qprog.QProgram}) to an R1CS whose
 * witnesses compute exactly what {@code QExecutor} computes, plus the witness generator, the circomlib-compatible
 * Poseidon hash and the input commitment. Entry point {@link org.haca.proof.zk.internal.circuit.CircuitCompiler};
 * public-signal order {@link org.haca.proof.zk.internal.circuit.PublicLayout}; see {@code docs/zkml.md}.
 */
package org.haca.proof.zk.internal.circuit;
