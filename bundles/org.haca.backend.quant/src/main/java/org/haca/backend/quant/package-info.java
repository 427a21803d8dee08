/**
 * Deterministic integer backend ({@code quant}): a pure-Java executor of a quantized form of an ONNX model whose
 * results are bit-identical on every machine, and the computation the ZKML proof system proves. Nothing here is
 * exported; the backend is the Declarative Services component
 * {@link org.haca.backend.quant.internal.QuantBackend} ({@code ModelBackend} id {@code quant}).
 *
 * <h2>Quantization scheme {@code haca-int8-pow2/v1}</h2>
 * (full text: {@code docs/quantization.md})
 * <ol>
 * <li>Every activation tensor is int8 {@code q} with a power-of-two exponent {@code e}: real value {@code q · 2^-e};
 * symmetric, zero point 0.</li>
 * <li>Weights: symmetric per tensor, int8 in [-127, 127], {@code e_w} = largest e with {@code max|W| · 2^e <= 127}.</li>
 * <li>Rounding everywhere is round half up, computed exactly: {@code R(v, e) = floor(v · 2^e + 1/2)}.</li>
 * <li>Inputs follow the range contract [0, 1]: {@code e_in = 6}, {@code q = clamp(R(x, 6), -128, 127)}; NaN/Inf are
 * rejected.</li>
 * <li>Other activation exponents come from a fixed calibration: the float model on 64 inputs uniform in [0, 1) from
 * {@code SplittableRandom(0x4841434151)}, {@code e = largest e with max|t| · 2^e <= 127}.</li>
 * <li>Biases: int32 at the accumulator exponent {@code e_in + e_w}; accumulation in int32, which provably never wraps
 * ({@code K · 128 · 127 + max|bias| < 2^31} is checked at load, else the model is rejected).</li>
 * <li>Requantization by shift {@code t = e_in + e_w - e_out}: {@code (acc + 2^(t-1)) >> t} (arithmetic), then clamp
 * to [-128, 127], or [0, 127] with a fused ReLU.</li>
 * <li>ReLU = {@code max(0, q)}; MaxPool = max; AveragePool = {@code floorDiv(2·sum + n, 2·n)}; Reshape/Flatten move
 * nothing; Add aligns exponents by left shifts, then requantizes.</li>
 * <li>Outputs are returned as FLOAT32 {@code q · 2^-e} (exact) under the float model's names; raw int8 via
 * {@code QuantBackend.inferRaw}.</li>
 * <li>The quantized program ({@code QProgram}) has a canonical byte form and SHA-256 commitment
 * ({@code QProgramCodec}) for the ZKML compiler.</li>
 * </ol>
 */
package org.haca.backend.quant;
