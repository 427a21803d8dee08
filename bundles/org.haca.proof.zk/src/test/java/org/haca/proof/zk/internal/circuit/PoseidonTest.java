package org.haca.proof.zk.internal.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.haca.proof.zk.internal.r1cs.Field;
import org.haca.proof.zk.internal.r1cs.LinearCombination;
import org.haca.proof.zk.internal.r1cs.R1cs;
import org.junit.jupiter.api.Test;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

class PoseidonTest {
    private static final Gson GSON = new Gson();

    /** The rows of shared/vectors/poseidon.md (outputs of circomlibjs 0.1.7's poseidon). */
    @Test
    void matchesTheReferenceVectors() {
        check("7853200120776062878684798364095072458815029376092732009249414926327459813530", 1, 2);
        check("18821383157269793795438455681495246036402687001665670618754263018637548127333", 1, 2, 3, 4);
        check("14744269619966411208579211824598458697587494354926760081771325075741142829156", 0, 0);
        check("19014214495641488759237505126948346942972912379615652741039992445865937985820", 0);
        check("18586133768512220936620570745912940619677854269274689475585506675881198879027", 1);
        check("6542985608222806190361240322586112750744169038454362455181422643027100751666", 1, 2, 3);
        check("6183221330272524995739186171720101788151706631170188140075976616310159254464", 1, 2, 3, 4, 5);
        assertEquals(new BigInteger("115cc0f5e7d690413df64c6b9662e9cf2a3617f2743245519e19607a4417189a", 16),
                Poseidon.hash(BigInteger.ONE, BigInteger.TWO));
    }

    private static void check(String expected, long... in) {
        List<BigInteger> xs = new ArrayList<>();
        for (long v : in) {
            xs.add(BigInteger.valueOf(v));
        }
        assertEquals(new BigInteger(expected), Poseidon.hash(xs), "poseidon" + xs);
    }

    /** Grain-derived constants equal circomlibjs's tables (read at test time only) for every width it has. */
    @Test
    void derivedConstantsEqualCircomlibjsTables() throws IOException {
        JsonObject tables = GSON.fromJson(Files.readString(
                NodeTool.crosscheck().resolve("node_modules/circomlibjs/src/poseidon_constants.json")), JsonObject.class);
        JsonArray cs = tables.getAsJsonArray("C");
        JsonArray ms = tables.getAsJsonArray("M");
        for (int t = PoseidonParameters.MIN_WIDTH; t <= PoseidonParameters.MAX_WIDTH; t++) {
            PoseidonParameters p = PoseidonParameters.forWidth(t);
            JsonArray c = cs.get(t - 2).getAsJsonArray();
            assertEquals(c.size(), p.roundConstants().length, "t=" + t);
            for (int i = 0; i < c.size(); i++) {
                assertEquals(hex(c.get(i).getAsString()), p.roundConstants()[i], "C t=" + t + " i=" + i);
            }
            JsonArray m = ms.get(t - 2).getAsJsonArray();
            for (int i = 0; i < t; i++) {
                for (int j = 0; j < t; j++) {
                    assertEquals(hex(m.get(i).getAsJsonArray().get(j).getAsString()), p.mds()[i][j],
                            "M t=" + t + " [" + i + "][" + j + "]");
                }
            }
        }
    }

    private static BigInteger hex(String s) {
        return new BigInteger(s.substring(2), 16);
    }

    /** Random inputs (with 0 and r - 1 among them) for t = 2..6 and a few wider ones, hashed by circomlibjs. */
    @Test
    void equalsCircomlibjsOnRandomInputs() {
        Random rnd = new Random(20261124);
        List<List<BigInteger>> cases = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            for (int k = 0; k < 6; k++) {
                cases.add(randomInputs(rnd, n));
            }
        }
        cases.add(randomInputs(rnd, 8));
        cases.add(randomInputs(rnd, 16));
        JsonObject req = new JsonObject();
        JsonArray hs = new JsonArray();
        for (List<BigInteger> c : cases) {
            JsonArray a = new JsonArray();
            c.forEach(v -> a.add(v.toString()));
            hs.add(a);
        }
        req.add("hash", hs);
        JsonObject res = GSON.fromJson(NodeTool.node(GSON.toJson(req), "circuit-poseidon.mjs"), JsonObject.class);
        JsonArray got = res.getAsJsonArray("hash");
        for (int i = 0; i < cases.size(); i++) {
            assertEquals(new BigInteger(got.get(i).getAsString()), Poseidon.hash(cases.get(i)), "inputs " + cases.get(i));
        }
    }

    static List<BigInteger> randomInputs(Random rnd, int n) {
        List<BigInteger> xs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int kind = rnd.nextInt(8);
            xs.add(kind == 0 ? BigInteger.ZERO
                    : kind == 1 ? Field.R.subtract(BigInteger.ONE) : new BigInteger(256, rnd).mod(Field.R));
        }
        return xs;
    }

    @Test
    void rejectsBadInputs() {
        assertThrows(IllegalArgumentException.class, () -> Poseidon.hash(List.of()));
        assertThrows(IllegalArgumentException.class, () -> Poseidon.hash(Field.R));
        assertThrows(IllegalArgumentException.class, () -> Poseidon.hash(BigInteger.valueOf(-1)));
        List<BigInteger> seventeen = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            seventeen.add(BigInteger.ONE);
        }
        assertThrows(IllegalArgumentException.class, () -> Poseidon.hash(seventeen));
    }

    /** The gadget's constraints hold for the native witness, its output equals the native hash, a tampered S-box fails. */
    @Test
    void gadgetComputesTheNativeHash() {
        Random rnd = new Random(5);
        for (int n = 1; n <= 5; n++) {
            List<BigInteger> in = randomInputs(rnd, n);
            CircuitBuilder b = new CircuitBuilder(1 + n, 1 << 20);
            List<LinearCombination> lcs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                lcs.add(CircuitBuilder.wire(1 + i));
            }
            LinearCombination out = PoseidonGadget.hash(b, lcs);
            R1cs r1cs = new R1cs(b.wireCount(), 0, 0, n, b.wireCount(), b.constraints());
            WitnessState s = new WitnessState(b.wireCount(), true);
            for (int i = 0; i < n; i++) {
                s.setBig(1 + i, in.get(i));
            }
            b.steps().forEach(st -> st.compute(s));
            BigInteger[] w = s.toWitness();
            assertEquals(-1, r1cs.firstViolated(w), "t=" + (n + 1));
            assertEquals(Poseidon.hash(in), s.eval(out));
            // 3 constraints per S-box, the capacity's first S-box is a constant: 3 · (8t - 1 + R_P)
            PoseidonParameters p = PoseidonParameters.forWidth(n + 1);
            assertEquals(3 * (8 * (n + 1) - 1 + p.partialRounds()), b.constraints().size());
            BigInteger[] tampered = w.clone();
            int last = b.wireCount() - 1;
            tampered[last] = tampered[last].add(BigInteger.ONE).mod(Field.R);
            assertNotEquals(-1, r1cs.firstViolated(tampered));
        }
    }

    @Test
    void constantInputsCostNoSboxConstraints() {
        CircuitBuilder b = new CircuitBuilder(2, 1 << 20);
        LinearCombination out = PoseidonGadget.hash(b, List.of(LinearCombination.EMPTY, CircuitBuilder.wire(1)));
        // round 0: capacity and the constant input are evaluated natively, so 2 S-boxes fewer than 8·3 + 57
        assertEquals(3 * (8 * 3 - 2 + 57), b.constraints().size());
        WitnessState s = new WitnessState(b.wireCount(), true);
        s.setBig(1, BigInteger.valueOf(77));
        b.steps().forEach(st -> st.compute(s));
        assertEquals(Poseidon.hash(BigInteger.ZERO, BigInteger.valueOf(77)), s.eval(out));
    }
}
