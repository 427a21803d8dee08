package org.haca.proof.zk.internal.bn254;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import org.haca.proof.zk.internal.snarkjs.Crosscheck;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The BN254 arithmetic against independent references: go-ethereum's EIP-196/197 precompile vectors (copied from
 * ../shared/vectors/bn254, see src/test/resources/vectors/README.md) and @noble/curves 2.4.0 (crosscheck/bn254-diff.mjs)
 * on random scalars, sums, doublings and pairing equalities.
 */
class Bn254ReferenceTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final G2 G2_GEN = G2.fromAffine(
            new BigInteger("10857046999023057135944570762232829481370756359578518086990519993285655852781"),
            new BigInteger("11559732032986387107991004021392285783925812861821192530917403151452391805634"),
            new BigInteger("8495653923123431417604973247489272438418190587263600148770280649306958101930"),
            new BigInteger("4082367875863433681332203403145435568316851327593401208105741076214120093531"));

    private static JsonArray vectors(String name) throws IOException {
        try (InputStream in = Bn254ReferenceTest.class.getResourceAsStream("/vectors/bn254/" + name)) {
            assertTrue(in != null, "missing test resource " + name);
            return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonArray();
        }
    }

    /** EIP-196 input: short input is right-padded with zeros, extra bytes are ignored. */
    private static byte[] padded(String hex, int length) {
        return Arrays.copyOf(HEX.parseHex(hex), Math.max(length, hex.length() / 2));
    }

    private static BigInteger word(byte[] b, int index) {
        return new BigInteger(1, Arrays.copyOfRange(b, 32 * index, 32 * index + 32));
    }

    private static G1 g1(byte[] b, int firstWord) {
        return G1.fromAffine(word(b, firstWord), word(b, firstWord + 1));
    }

    /** EIP-197 G2 encoding: x imaginary, x real, y imaginary, y real. */
    private static G2 g2(byte[] b, int firstWord) {
        return G2.fromAffine(word(b, firstWord + 1), word(b, firstWord), word(b, firstWord + 3), word(b, firstWord + 2));
    }

    private static String encode(G1 p) {
        return String.format("%064x%064x", p.isInfinity() ? BigInteger.ZERO : p.x(), p.isInfinity() ? BigInteger.ZERO
                : p.y());
    }

    @Test
    void gethAddVectors() throws IOException {
        JsonArray cases = vectors("bn256Add.json");
        assertEquals(16, cases.size());
        for (JsonElement e : cases) {
            JsonObject c = e.getAsJsonObject();
            byte[] in = padded(c.get("Input").getAsString(), 128);
            assertEquals(c.get("Expected").getAsString(), encode(g1(in, 0).add(g1(in, 2))), c.get("Name").getAsString());
        }
    }

    @Test
    void gethScalarMulVectors() throws IOException {
        JsonArray cases = vectors("bn256ScalarMul.json");
        assertEquals(19, cases.size());
        for (JsonElement e : cases) {
            JsonObject c = e.getAsJsonObject();
            byte[] in = padded(c.get("Input").getAsString(), 96);
            G1 product = g1(in, 0).mul(word(in, 2).mod(org.haca.proof.zk.internal.r1cs.Field.R));
            assertEquals(c.get("Expected").getAsString(), encode(product), c.get("Name").getAsString());
        }
    }

    @Test
    void gethPairingVectors() throws IOException {
        JsonArray cases = vectors("bn256Pairing.json");
        assertEquals(14, cases.size());
        for (JsonElement e : cases) {
            JsonObject c = e.getAsJsonObject();
            byte[] in = HEX.parseHex(c.get("Input").getAsString());
            int k = in.length / 192;
            G1[] ps = new G1[k];
            G2[] qs = new G2[k];
            for (int i = 0; i < k; i++) {
                ps[i] = g1(in, 6 * i);
                qs[i] = g2(in, 6 * i + 2);
            }
            boolean expected = new BigInteger(c.get("Expected").getAsString(), 16).equals(BigInteger.ONE);
            assertEquals(expected, Pairing.pairingCheck(ps, qs), c.get("Name").getAsString());
        }
    }

    @Test
    void pointsOffTheCurveOrOutsideTheSubgroupAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> G1.fromAffine(BigInteger.ONE, BigInteger.ONE));
        assertThrows(IllegalArgumentException.class, () -> G1.fromAffine(org.haca.proof.zk.internal.snarkjs.Bn128.Q, BigInteger.TWO));
        // (1, 2) is the G1 generator; (x, y) of the G2 generator with one coordinate changed is off the twist
        assertThrows(IllegalArgumentException.class, () -> G2.fromAffine(G2_GEN.x0(), G2_GEN.x1(), G2_GEN.y0(),
                G2_GEN.y1().add(BigInteger.ONE)));
    }

    private static G1 g1(JsonArray xy) {
        return G1.fromAffine(new BigInteger(xy.get(0).getAsString()), new BigInteger(xy.get(1).getAsString()));
    }

    private static G2 g2(JsonArray c) {
        return G2.fromAffine(new BigInteger(c.get(0).getAsString()), new BigInteger(c.get(1).getAsString()),
                new BigInteger(c.get(2).getAsString()), new BigInteger(c.get(3).getAsString()));
    }

    @Test
    void agreesWithNobleCurvesOnRandomScalarsSumsAndPairings() {
        Crosscheck.Result r = Crosscheck.run("node", "crosscheck/bn254-diff.mjs", "20261124", "6");
        assertTrue(r.ok(), r.output());
        JsonObject ref = JsonParser.parseString(r.output().trim()).getAsJsonObject();
        for (JsonElement e : ref.getAsJsonArray("g1")) {
            JsonObject c = e.getAsJsonObject();
            G1 p = G1.generator().mul(new BigInteger(c.get("k").getAsString()));
            G1 q = G1.generator().mul(new BigInteger(c.get("m").getAsString()));
            assertEquals(g1(c.getAsJsonArray("kG")), p);
            assertEquals(g1(c.getAsJsonArray("mG")), q);
            assertEquals(g1(c.getAsJsonArray("sum")), p.add(q));
            assertEquals(g1(c.getAsJsonArray("dbl")), p.add(p));
        }
        for (JsonElement e : ref.getAsJsonArray("g2")) {
            JsonObject c = e.getAsJsonObject();
            G2 p = G2_GEN.mul(new BigInteger(c.get("k").getAsString()));
            G2 q = G2_GEN.mul(new BigInteger(c.get("m").getAsString()));
            assertEquals(g2(c.getAsJsonArray("kG")), p);
            assertEquals(g2(c.getAsJsonArray("sum")), p.add(q));
        }
        int equal = 0;
        for (JsonElement e : ref.getAsJsonArray("pairings")) {
            JsonObject c = e.getAsJsonObject();
            // e(aP, bQ) = e(cP, Q)  ⇔  e(aP, bQ) · e(-cP, Q) = 1
            boolean java = Pairing.pairingCheck(new G1[] {g1(c.getAsJsonArray("aG1")), g1(c.getAsJsonArray("cG1")).neg()},
                    new G2[] {g2(c.getAsJsonArray("bG2")), G2_GEN});
            assertEquals(c.get("equal").getAsBoolean(), java);
            equal += java ? 1 : 0;
        }
        assertEquals(3, equal, "the script alternates equal and unequal cases");
        assertFalse(Pairing.pairingCheck(new G1[] {G1.generator()}, new G2[] {G2_GEN}), "e(P, Q) is not 1");
    }
}
