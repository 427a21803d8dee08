/**
 * The quantized program ({@link org.haca.backend.quant.internal.qprog.QProgram}, its ops
 * {@link org.haca.backend.quant.internal.qprog.QOp} and canonical encoding
 * {@link org.haca.backend.quant.internal.qprog.QProgramCodec}), the integer primitives that define every rounding
 * ({@link org.haca.backend.quant.internal.qprog.QMath}) and the executor
 * ({@link org.haca.backend.quant.internal.qprog.QExecutor}, hot loop in
 * {@link org.haca.backend.quant.internal.qprog.Gemm}). Pure Java, no OSGi dependency, so the ZKML bundle can embed it
 * privately as its witness reference. Scheme: {@code docs/quantization.md}.
 */
package org.haca.backend.quant.internal.qprog;
