package org.haca.proof.zk.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.haca.api.model.CanonicalHash;
import org.haca.api.model.Tensor;
import org.haca.backend.quant.internal.QuantModel;
import org.haca.backend.quant.internal.qprog.QTensor;
import org.haca.proof.zk.internal.circuit.CompiledCircuit;
import org.haca.proof.zk.internal.circuit.PublicLayout;
import org.haca.proof.zk.internal.r1cs.Field;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The public-signal layout a verifier needs, as published beside a model's verification key ({@code layout.json}).
 * Where things are in a ZKML proof's public signals (snarkjs order, see docs/zkml.md and {@link PublicLayout}):
 * {@code [y_0 … y_{k-1}, inputCommitment, modelCommitLo, modelCommitHi, binding]} — every output element (int8 as a
 * field element, negatives as r - |v|) in program output order, the Poseidon commitment to the private input, the
 * program's SHA-256 as two 128-bit halves, and the statement binding. With the output names, shapes and exponents
 * recorded here a verifier turns the public outputs back into the float tensors whose canonical hash the statement
 * names, without the model.
 *
 * @param programHash SHA-256 (hex) of the quantized program's canonical encoding
 * @param outputs the model outputs in order: name, shape (batch 1) and exponent
 */
record PublishedLayout(String programHash, List<Output> outputs) {

    record Output(String name, int[] shape, int exponent) {
        int size() {
            int n = 1;
            for (int d : shape) {
                n *= d;
            }
            return n;
        }
    }

    PublishedLayout {
        outputs = List.copyOf(outputs);
    }

    int outputSignals() {
        return outputs.stream().mapToInt(Output::size).sum();
    }

    int nPublic() {
        return outputSignals() + 4;
    }

    int inputCommitmentIndex() {
        return outputSignals();
    }

    int bindingIndex() {
        return outputSignals() + 3;
    }

    /** The two public inputs that pin the program (see {@link CompiledCircuit#modelCommitment(String)}). */
    BigInteger[] modelCommit() {
        return CompiledCircuit.modelCommitment(programHash);
    }

    /** What a verifier needs of the circuit's layout, with the program hash. */
    static PublishedLayout of(String programHash, PublicLayout layout) {
        List<Output> outs = new ArrayList<>();
        for (PublicLayout.OutputSlot slot : layout.outputs()) {
            outs.add(new Output(slot.name(), slot.shape(), slot.exponent()));
        }
        return new PublishedLayout(programHash, outs);
    }

    /** The float outputs the public signals encode, under the model's output names. */
    Map<String, Tensor> outputs(List<BigInteger> publicSignals) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        int i = 0;
        BigInteger half = Field.R.shiftRight(1);
        for (Output o : outputs) {
            byte[] q = new byte[o.size()];
            for (int j = 0; j < q.length; j++) {
                BigInteger v = publicSignals.get(i++);
                long signed = v.compareTo(half) > 0 ? v.subtract(Field.R).longValueExact() : v.longValueExact();
                if (signed < -128 || signed > 127) {
                    throw new IllegalArgumentException("output signal " + (i - 1) + " is not an int8: " + signed);
                }
                q[j] = (byte) signed;
            }
            out.put(o.name(), QuantModel.dequantize(new QTensor(o.shape(), q, o.exponent())));
        }
        return out;
    }

    /** The statement's outputHash for these public signals. */
    String outputHash(List<BigInteger> publicSignals) {
        return CanonicalHash.ofTensors(outputs(publicSignals));
    }

    String toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("programHash", programHash);
        JsonArray outs = new JsonArray();
        for (Output out : outputs) {
            JsonObject j = new JsonObject();
            j.addProperty("name", out.name());
            JsonArray shape = new JsonArray();
            for (int d : out.shape()) {
                shape.add(d);
            }
            j.add("shape", shape);
            j.addProperty("exponent", out.exponent());
            outs.add(j);
        }
        o.add("outputs", outs);
        return o.toString();
    }

    static PublishedLayout fromJson(String json) {
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        List<Output> outs = new ArrayList<>();
        for (var e : o.getAsJsonArray("outputs")) {
            JsonObject j = e.getAsJsonObject();
            JsonArray s = j.getAsJsonArray("shape");
            int[] shape = new int[s.size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = s.get(i).getAsInt();
            }
            outs.add(new Output(j.get("name").getAsString(), shape, j.get("exponent").getAsInt()));
        }
        return new PublishedLayout(o.get("programHash").getAsString(), outs);
    }
}
