package org.haca.proof.zk.internal.circuit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.haca.backend.quant.internal.qprog.QExecutor;
import org.haca.backend.quant.internal.qprog.QMath;
import org.haca.backend.quant.internal.qprog.QProgramCodec;
import org.haca.backend.quant.internal.qprog.QTensor;
import org.haca.onnx.testmodels.TestModels;
import org.haca.proof.zk.internal.r1cs.Constraint;
import org.haca.proof.zk.internal.r1cs.Field;
import org.haca.proof.zk.internal.r1cs.LinearCombination;
import org.haca.proof.zk.internal.r1cs.R1cs;
import org.haca.proof.zk.internal.r1cs.R1csFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** The test models (MLP 784-128-10, MLP 784-64-10, CNN) compiled and proven equal to QExecutor. */
class CircuitCompilerTest {
    private static final Gson GSON = new Gson();
    private static final BigInteger BINDING = new BigInteger("123456789012345678901234567890");

    /** Pixel-like input as the backend quantizes it: TestModels.input floats in [0, 1) at the input exponent. */
    static Map<String, QTensor> pixelInput(CompiledCircuit c, long seed) {
        Map<String, QTensor> in = new LinkedHashMap<>();
        c.inputShapes().forEach((name, shape) -> {
            int n = OpShapes.count(shape);
            float[] x = TestModels.input(seed, n);
            byte[] q = new byte[n];
            int e = c.program().exponent(name);
            for (int i = 0; i < n; i++) {
                q[i] = QMath.quantizeInput(x[i], e);
            }
            in.put(name, new QTensor(shape, q, e));
        });
        return in;
    }

    @ParameterizedTest
    @ValueSource(strings = {"mlp64", "mlp", "cnn"})
    void publicOutputsEqualTheExecutorAndTheWitnessSatisfiesEveryConstraint(String model) {
        CompiledCircuit c = Models.circuit(model);
        QExecutor exec = new QExecutor(c.program());
        int runs = model.equals("cnn") ? 2 : 4;
        for (int s = 0; s < runs; s++) {
            Map<String, QTensor> in = s % 2 == 0 ? Models.randomInput(c, 100 + s, true) : pixelInput(c, 1000 + s);
            BigInteger[] w = c.witness(in, BINDING);
            assertEquals(-1, c.r1cs().firstViolated(w), model + " input " + s);
            BigInteger[] pub = c.publicSignals(w);
            assertEquals(exec.run(in), c.outputs(pub), model + " input " + s);
            PublicLayout l = c.layout();
            assertEquals(InputCommitment.compute(c.int8Values(in)), pub[l.inputCommitmentIndex()]);
            BigInteger hash = new BigInteger(QProgramCodec.hash(c.program()), 16);
            assertEquals(hash.shiftRight(128), pub[l.modelCommitHiIndex()]);
            assertEquals(hash.and(BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE)), pub[l.modelCommitLoIndex()]);
            assertEquals(BINDING, pub[l.bindingIndex()]);
        }
        assertEquals(1 + c.layout().nPublic() + OpShapes.count(c.inputShapes().values().iterator().next()),
                c.r1cs().nPubOut() + c.r1cs().nPubIn() + c.r1cs().nPrvIn() + 1);
        assertEquals(11, c.r1cs().nPubOut());
        assertEquals(3, c.r1cs().nPubIn());
    }

    /**
     * Every wire of the MLP 784-64-10 witness matters: adding 1 to any single wire (public output, commitment, bit,
     * product, S-box value, private input) violates a constraint. The only exception is the inverse of the zero test
     * when its operand is 0 (any value satisfies x · inv = 1 - z there; the outputs do not depend on it).
     */
    @Test
    void changingAnySingleWireViolatesAConstraint() {
        CompiledCircuit c = Models.circuit("mlp64");
        R1cs r = c.r1cs();
        BigInteger[] w = c.witness(Models.randomInput(c, 7, true), BINDING);
        List<List<Integer>> uses = new ArrayList<>();
        for (int i = 0; i < r.nWires(); i++) {
            uses.add(new ArrayList<>());
        }
        for (int k = 0; k < r.constraints().size(); k++) {
            Constraint con = r.constraints().get(k);
            for (LinearCombination lc : List.of(con.a(), con.b(), con.c())) {
                for (int i = 0; i < lc.size(); i++) {
                    List<Integer> u = uses.get(lc.wire(i));
                    if (u.isEmpty() || u.get(u.size() - 1) != k) {
                        u.add(k);
                    }
                }
            }
        }
        int free = 0;
        int bindingWire = PublicLayout.wireOf(c.layout().bindingIndex());
        for (int wire = 1; wire < r.nWires(); wire++) {
            if (wire == bindingWire) {
                continue; // a free public input by design (checked in bindingIsFreeButPublic)
            }
            BigInteger old = w[wire];
            w[wire] = old.add(BigInteger.ONE).mod(Field.R);
            boolean violated = false;
            for (int k : uses.get(wire)) {
                if (!r.constraints().get(k).isSatisfied(w)) {
                    violated = true;
                    break;
                }
            }
            w[wire] = old;
            if (!violated) {
                assertTrue(isInverseOfZero(r, uses.get(wire), wire, w), "wire " + wire + " is unconstrained");
                free++;
            }
        }
        assertTrue(free < 74, "free inverse wires: " + free); // at most one per neuron
    }

    /** The wire only appears as B in x · inv = 1 - z constraints whose x evaluates to 0. */
    private static boolean isInverseOfZero(R1cs r, List<Integer> uses, int wire, BigInteger[] w) {
        for (int k : uses) {
            Constraint con = r.constraints().get(k);
            if (con.b().size() != 1 || con.b().wire(0) != wire || con.a().evaluate(w).signum() != 0) {
                return false;
            }
        }
        return !uses.isEmpty();
    }

    @Test
    void bindingIsFreeButPublicAndCommitmentsArePinned() {
        CompiledCircuit c = Models.circuit("mlp64");
        Map<String, QTensor> in = Models.randomInput(c, 8, true);
        BigInteger[] w1 = c.witness(in, BigInteger.ONE);
        BigInteger[] w2 = c.witness(in, BigInteger.TWO);
        assertEquals(-1, c.r1cs().firstViolated(w2));
        assertNotEquals(c.publicSignals(w1)[c.layout().bindingIndex()], c.publicSignals(w2)[c.layout().bindingIndex()]);
        for (int signal : new int[] {c.layout().modelCommitLoIndex(), c.layout().modelCommitHiIndex(),
                c.layout().inputCommitmentIndex(), 0, c.layout().outputElements() - 1}) {
            BigInteger[] bad = w1.clone();
            bad[PublicLayout.wireOf(signal)] = bad[PublicLayout.wireOf(signal)].add(BigInteger.ONE);
            assertNotEquals(-1, c.r1cs().firstViolated(bad), "public signal " + signal);
        }
        // another model, another pinned commitment; another input, another input commitment
        CompiledCircuit other = Models.circuit("mlp");
        assertNotEquals(c.modelCommitLo(), other.modelCommitLo());
        assertNotEquals(c.inputCommitment(in), c.inputCommitment(Models.randomInput(c, 9, true)));
    }

    @Test
    void outOfRangeInputsAreRejected() {
        CompiledCircuit c = Models.circuit("mlp64");
        byte[] base = c.int8Values(Models.randomInput(c, 10, true));
        for (long bad : new long[] {128, -129, 200, 1000, -100000}) {
            long[] v = new long[base.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = base[i];
            }
            v[17] = bad;
            assertThrows(IllegalArgumentException.class, () -> c.witness(v, BigInteger.ONE, true));
            // computed anyway (every gadget on the out-of-range value): some constraint fails
            BigInteger[] w = c.witness(v, BigInteger.ONE, false);
            assertNotEquals(-1, c.r1cs().firstViolated(w), "input " + bad);
        }
    }

    @Test
    void badWitnessRequestsAreNamed() {
        CompiledCircuit c = Models.circuit("mlp64");
        Map<String, QTensor> good = Models.randomInput(c, 11, true);
        QTensor x = good.get(TestModels.INPUT);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> c.witness(Map.of(), BigInteger.ONE))
                .getMessage().contains("missing input input"));
        Map<String, QTensor> extra = new LinkedHashMap<>(good);
        extra.put("other", x);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> c.witness(extra, BigInteger.ONE))
                .getMessage().contains("unknown input other"));
        Map<String, QTensor> shape = Map.of(TestModels.INPUT, new QTensor(new int[] {2, 392}, x.data(), x.exponent()));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> c.witness(shape, BigInteger.ONE))
                .getMessage().contains("shape"));
        Map<String, QTensor> exp = Map.of(TestModels.INPUT, new QTensor(x.shape(), x.data(), x.exponent() + 1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> c.witness(exp, BigInteger.ONE))
                .getMessage().contains("exponent"));
        assertThrows(IllegalArgumentException.class, () -> c.witness(good, Field.R));
        assertThrows(IllegalArgumentException.class, () -> c.witness(good, BigInteger.valueOf(-1)));
    }

    /** The native commitment equals a circomlibjs computation of the documented packing, for awkward lengths. */
    @Test
    void inputCommitmentMatchesCircomlibjs() {
        java.util.Random rnd = new java.util.Random(12);
        List<byte[]> inputs = new ArrayList<>();
        for (int n : new int[] {1, 30, 31, 32, 124, 125, 784}) {
            byte[] v = new byte[n];
            rnd.nextBytes(v);
            inputs.add(v);
        }
        inputs.add(new byte[] {-128, -128, 127});
        JsonObject req = new JsonObject();
        JsonArray cs = new JsonArray();
        for (byte[] v : inputs) {
            JsonArray a = new JsonArray();
            for (byte b : v) {
                a.add(b);
            }
            cs.add(a);
        }
        req.add("commit", cs);
        JsonArray got = GSON.fromJson(NodeTool.node(GSON.toJson(req), "circuit-poseidon.mjs"), JsonObject.class)
                .getAsJsonArray("commit");
        for (int i = 0; i < inputs.size(); i++) {
            assertEquals(new BigInteger(got.get(i).getAsString()), InputCommitment.compute(inputs.get(i)),
                    "length " + inputs.get(i).length);
        }
        assertEquals(BigInteger.ZERO, InputCommitment.compute(new byte[0]));
    }

    /** snarkjs's own r1cs reader loads the Java-written MLP circuit and finds the witness satisfying, a tampered one not. */
    @Test
    void snarkjsReaderAgreesOnTheWrittenCircuit() throws IOException {
        CompiledCircuit c = Models.circuit("mlp64");
        Path dir = Path.of("target", "circuit-r1cs");
        Files.createDirectories(dir);
        Path file = dir.resolve("mlp64.r1cs");
        R1csFile.write(c.r1cs(), file);
        assertEquals(c.r1cs(), R1csFile.read(file).r1cs());
        BigInteger[] w = c.witness(Models.randomInput(c, 13, true), BINDING);
        JsonObject ok = check(file, w, dir.resolve("mlp64-good.json"));
        assertEquals(c.r1cs().nWires(), ok.get("nVars").getAsInt());
        assertEquals(11, ok.get("nOutputs").getAsInt());
        assertEquals(3, ok.get("nPubInputs").getAsInt());
        assertEquals(784, ok.get("nPrvInputs").getAsInt());
        assertEquals(c.r1cs().constraints().size(), ok.get("nConstraints").getAsInt());
        assertEquals(-1, ok.get("firstViolated").getAsInt());
        BigInteger[] bad = w.clone();
        bad[3] = bad[3].add(BigInteger.ONE); // an output element
        assertNotEquals(-1, check(file, bad, dir.resolve("mlp64-bad.json")).get("firstViolated").getAsInt());
    }

    private static JsonObject check(Path r1cs, BigInteger[] w, Path json) throws IOException {
        JsonArray a = new JsonArray();
        for (BigInteger v : w) {
            a.add(v.toString());
        }
        Files.writeString(json, GSON.toJson(a));
        return GSON.fromJson(NodeTool.node(null, "circuit-r1cs-check.mjs", r1cs.toAbsolutePath().toString(),
                json.toAbsolutePath().toString()), JsonObject.class);
    }

    /** Prints the sizes and witness times (for the report; asserts only the structure). */
    @Test
    void sizes() {
        for (String m : new String[] {"mlp64", "mlp", "cnn"}) {
            CompiledCircuit c = Models.circuit(m);
            Map<String, QTensor> in = Models.randomInput(c, 1, true);
            c.witness(in, BINDING);
            long t0 = System.nanoTime();
            int reps = 5;
            for (int i = 0; i < reps; i++) {
                c.witness(in, BINDING);
            }
            long ns = (System.nanoTime() - t0) / reps;
            System.out.printf("circuit %-6s %8d constraints %8d wires  witness %.1f ms  %s%n", m,
                    c.r1cs().constraints().size(), c.r1cs().nWires(), ns / 1e6, c.constraintsByPart());
            assertEquals(c.r1cs().constraints().size(),
                    c.constraintsByPart().values().stream().mapToInt(Integer::intValue).sum());
            assertEquals(8 * OpShapes.count(c.inputShapes().get(TestModels.INPUT)),
                    c.constraintsByPart().get("input range checks"));
            if (c.r1cs().constraints().isEmpty()) {
                fail("empty circuit");
            }
        }
        assertArrayEquals(new int[] {1, 784}, Models.circuit("mlp64").inputShapes().get(TestModels.INPUT));
    }
}
