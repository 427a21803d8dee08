package org.haca.proof.zk.internal.circuit;

import java.util.List;

/**
 * Where each public signal sits, in snarkjs order ({@code public.json}; public signal i is wire i + 1):
 *
 * <pre>
 * public outputs (nPubOut = k + 1)
 *   0 .. k-1   y_0 … y_{k-1}: every output element as an int8 field element (negative v as r - |v|), program outputs
 *              in order, each row-major
 *   k          inputCommitment: {@link InputCommitment} of the private int8 input
 * public inputs (nPubIn = 3)
 *   k+1        modelCommitLo: low 128 bits of SHA-256(QProgramCodec.encode(program)) read as a big-endian integer
 *   k+2        modelCommitHi: high 128 bits; both are constrained to their constants, so the verification key pins
 *              the model
 *   k+3        binding: a free value the prover sets from the statement (the integrator defines it); it is bound by
 *              the proof like every public input
 * private inputs: the int8 input values (program inputs in order, row-major), range-checked to [-128, 127]
 * </pre>
 *
 * @param outputs each program output: name, shape (batch 1) and the index of its first element
 * @param outputElements k
 */
public record PublicLayout(List<OutputSlot> outputs, int outputElements) {
    public static final int PUBLIC_INPUTS = 3;

    public PublicLayout {
        outputs = List.copyOf(outputs);
    }

    /** One program output in the public signals. */
    public record OutputSlot(String name, String tensor, int[] shape, int exponent, int firstSignal, int size) {
        public OutputSlot {
            shape = shape.clone();
        }

        @Override
        public int[] shape() {
            return shape.clone();
        }
    }

    public int nPubOut() {
        return outputElements + 1;
    }

    public int nPubIn() {
        return PUBLIC_INPUTS;
    }

    public int nPublic() {
        return nPubOut() + nPubIn();
    }

    public int inputCommitmentIndex() {
        return outputElements;
    }

    public int modelCommitLoIndex() {
        return outputElements + 1;
    }

    public int modelCommitHiIndex() {
        return outputElements + 2;
    }

    public int bindingIndex() {
        return outputElements + 3;
    }

    /** The wire of public signal i. */
    static int wireOf(int signal) {
        return signal + 1;
    }
}
