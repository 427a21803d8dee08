package org.haca.proof.zk.internal.circuit;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.haca.backend.quant.internal.qprog.QProgram;
import org.haca.backend.quant.internal.qprog.QProgramCodec;
import org.haca.backend.quant.internal.qprog.QTensor;
import org.haca.proof.zk.internal.r1cs.Field;
import org.haca.proof.zk.internal.r1cs.R1cs;

/**
 * A quantized program compiled to R1CS ({@link #r1cs()}), with its public-signal layout ({@link PublicLayout}, which
 * documents the order) and the witness generator. Immutable and thread-safe: each {@link #witness} call has its own
 * state.
 */
public final class CompiledCircuit {
    /** One program input: its private-input wires, row-major from {@code firstWire}. */
    record InputSlot(String name, int[] shape, int exponent, int firstWire, int size) {
    }

    private final QProgram program;
    private final R1cs r1cs;
    private final PublicLayout layout;
    private final List<InputSlot> inputs;
    private final List<WitnessStep> steps;
    private final BigInteger modelCommitLo;
    private final BigInteger modelCommitHi;
    private final Map<String, Integer> constraintsByPart;

    CompiledCircuit(QProgram program, R1cs r1cs, PublicLayout layout, List<InputSlot> inputs, List<WitnessStep> steps,
            BigInteger[] modelCommit, Map<String, Integer> constraintsByPart) {
        this.program = program;
        this.r1cs = r1cs;
        this.layout = layout;
        this.inputs = List.copyOf(inputs);
        this.steps = List.copyOf(steps);
        this.modelCommitLo = modelCommit[0];
        this.modelCommitHi = modelCommit[1];
        this.constraintsByPart = Collections.unmodifiableMap(new LinkedHashMap<>(constraintsByPart));
    }

    /**
     * Constraints per part of the circuit, in order: "public inputs", "input range checks", "input commitment", one
     * entry per op ("Linear fc1", …), "public outputs". Sums to the constraint count.
     */
    public Map<String, Integer> constraintsByPart() {
        return constraintsByPart;
    }

    public QProgram program() {
        return program;
    }

    public R1cs r1cs() {
        return r1cs;
    }

    public PublicLayout layout() {
        return layout;
    }

    public BigInteger modelCommitLo() {
        return modelCommitLo;
    }

    public BigInteger modelCommitHi() {
        return modelCommitHi;
    }

    /** Input names with their (batch 1) shapes, in private-input order. */
    public Map<String, int[]> inputShapes() {
        Map<String, int[]> m = new LinkedHashMap<>();
        inputs.forEach(i -> m.put(i.name(), i.shape().clone()));
        return m;
    }

    /**
     * {lo, hi}: SHA-256 of the program's canonical encoding ({@link QProgramCodec#encode}) as a 256-bit big-endian
     * integer D = hi · 2^128 + lo.
     */
    public static BigInteger[] modelCommitment(QProgram program) {
        BigInteger d = new BigInteger(QProgramCodec.hash(program), 16);
        BigInteger mask = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
        return new BigInteger[] {d.and(mask), d.shiftRight(128)};
    }

    /**
     * The full witness (wire 0 = 1) for int8 inputs keyed by program input name (shapes as {@link #inputShapes()},
     * exponents as the program declares) and the public {@code binding} value (0 ≤ binding &lt; r).
     *
     * @throws IllegalArgumentException naming the input when one is missing, unknown or has a wrong shape/exponent
     */
    public BigInteger[] witness(Map<String, QTensor> quantizedInputs, BigInteger binding) {
        java.util.Objects.requireNonNull(quantizedInputs, "quantizedInputs");
        Set<String> known = new HashSet<>();
        inputs.forEach(i -> known.add(i.name()));
        for (String name : quantizedInputs.keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown input " + name + "; the program's inputs are " + known);
            }
        }
        return witness(int8Values(quantizedInputs), binding, true);
    }

    /** The inputs' int8 values in private-input order (what {@link InputCommitment} commits to). */
    public byte[] int8Values(Map<String, QTensor> quantizedInputs) {
        int total = inputs.stream().mapToInt(InputSlot::size).sum();
        byte[] values = new byte[total];
        int pos = 0;
        for (InputSlot in : inputs) {
            QTensor t = quantizedInputs.get(in.name());
            if (t == null) {
                throw new IllegalArgumentException("missing input " + in.name());
            }
            if (!Arrays.equals(t.shape(), in.shape())) {
                throw new IllegalArgumentException("input " + in.name() + " has shape " + Arrays.toString(t.shape())
                        + ", the circuit needs " + Arrays.toString(in.shape()));
            }
            if (t.exponent() != in.exponent()) {
                throw new IllegalArgumentException("input " + in.name() + " has exponent " + t.exponent() + ", expected "
                        + in.exponent());
            }
            System.arraycopy(t.data(), 0, values, pos, in.size());
            pos += in.size();
        }
        return values;
    }

    /** The native input commitment (the public signal at {@link PublicLayout#inputCommitmentIndex()}). */
    public BigInteger inputCommitment(Map<String, QTensor> quantizedInputs) {
        return InputCommitment.compute(int8Values(quantizedInputs));
    }

    BigInteger[] witness(byte[] int8Values, BigInteger binding, boolean strict) {
        long[] v = new long[int8Values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = int8Values[i];
        }
        return witness(v, binding, strict);
    }

    /**
     * The witness for raw input values. With {@code strict = false} values outside int8 are accepted and the witness is
     * computed anyway (it then violates the range constraints): used to show that the circuit rejects them.
     */
    BigInteger[] witness(long[] inputValues, BigInteger binding, boolean strict) {
        if (binding == null || binding.signum() < 0 || binding.compareTo(Field.R) >= 0) {
            throw new IllegalArgumentException("binding must be a field element 0 <= binding < r");
        }
        int total = inputs.stream().mapToInt(InputSlot::size).sum();
        if (inputValues.length != total) {
            throw new IllegalArgumentException("expected " + total + " input values, got " + inputValues.length);
        }
        WitnessState s = new WitnessState(r1cs.nWires(), strict);
        int first = inputs.isEmpty() ? 0 : inputs.get(0).firstWire();
        for (int i = 0; i < inputValues.length; i++) {
            if (strict && (inputValues[i] < -128 || inputValues[i] > 127)) {
                throw new IllegalArgumentException("input value " + inputValues[i] + " at " + i + " is not int8");
            }
            s.setInt(first + i, inputValues[i]);
        }
        s.setBig(PublicLayout.wireOf(layout.modelCommitLoIndex()), modelCommitLo);
        s.setBig(PublicLayout.wireOf(layout.modelCommitHiIndex()), modelCommitHi);
        s.setBig(PublicLayout.wireOf(layout.bindingIndex()), binding);
        for (WitnessStep step : steps) {
            step.compute(s);
        }
        return s.toWitness();
    }

    /** Wires 1..nPublic of a witness: the {@code public.json} values. */
    public BigInteger[] publicSignals(BigInteger[] witness) {
        if (witness.length != r1cs.nWires()) {
            throw new IllegalArgumentException("witness has " + witness.length + " wires, circuit " + r1cs.nWires());
        }
        return Arrays.copyOfRange(witness, 1, 1 + layout.nPublic());
    }

    /** The int8 outputs encoded in public signals, keyed by output name (batch-1 shapes, program exponents). */
    public Map<String, QTensor> outputs(BigInteger[] publicSignals) {
        if (publicSignals.length != layout.nPublic()) {
            throw new IllegalArgumentException("expected " + layout.nPublic() + " public signals, got " + publicSignals.length);
        }
        Map<String, QTensor> out = new LinkedHashMap<>();
        for (PublicLayout.OutputSlot o : layout.outputs()) {
            byte[] d = new byte[o.size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = int8(publicSignals[o.firstSignal() + i], o.name());
            }
            out.put(o.name(), new QTensor(o.shape(), d, o.exponent()));
        }
        return out;
    }

    private static byte int8(BigInteger v, String name) {
        BigInteger signed = v.compareTo(Field.R.shiftRight(1)) > 0 ? v.subtract(Field.R) : v;
        if (signed.bitLength() > 8 || signed.intValue() < -128 || signed.intValue() > 127) {
            throw new IllegalArgumentException("public signal of output " + name + " is not an int8: " + v);
        }
        return (byte) signed.intValue();
    }

    @Override
    public String toString() {
        return "CompiledCircuit[" + r1cs.constraints().size() + " constraints, " + r1cs.nWires() + " wires, "
                + layout.nPublic() + " public]";
    }
}
