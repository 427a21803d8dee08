package org.haca.proof.zk.internal.snarkjs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The snarkjs file formats against files snarkjs itself wrote (crosscheck fixture groth16-mul.circom). */
class SnarkjsFormatsTest {

    private final Path fx = Crosscheck.mulFixture();

    @Test
    void zkeyFromCeremonyRoundTripsByteForByte() {
        for (String name : List.of("circuit0.zkey", "circuit.zkey")) {
            byte[] original = Crosscheck.bytes(fx.resolve(name));
            Zkey z = ZkeyFile.read(original);
            assertArrayEquals(original, ZkeyFile.write(z), name);
        }
    }

    @Test
    void zkeyHeaderMatchesTheCircuit() {
        Zkey z = ZkeyFile.read(Crosscheck.bytes(fx.resolve("circuit.zkey")));
        // wires: one, out, a, b, x, t1, t2; 3 constraints + 4 public-input rows → domain 8
        assertEquals(7, z.nVars());
        assertEquals(3, z.nPublic());
        assertEquals(8, z.domainSize());
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, z.sectionOrder());
        // snarkjs adds A[nConstraints + s][s] = 1 for s = 0..nPublic; those are the last entries
        ZkeyCoefficients c = z.coefficients();
        for (int s = 0; s <= 3; s++) {
            int i = c.size() - 4 + s;
            assertEquals(0, c.matrix()[i]);
            assertEquals(3 + s, c.constraint()[i]);
            assertEquals(s, c.signal()[i]);
            assertEquals(BigInteger.ONE, c.value()[i]);
        }
        VerificationKeyJson vk = SnarkjsJson.readVerificationKey(Crosscheck.text(fx.resolve("verification_key.json")));
        assertEquals(vk.alpha1(), z.alpha1());
        assertEquals(vk.beta2(), z.beta2());
        assertEquals(vk.gamma2(), z.gamma2());
        assertEquals(vk.delta2(), z.delta2());
        assertEquals(vk.ic(), List.of(z.ic()));
    }

    @Test
    void wtnsRoundTripsAndHoldsTheWitness() {
        byte[] original = Crosscheck.bytes(fx.resolve("witness.wtns"));
        BigInteger[] w = WtnsFile.read(original);
        // one, out = t2·x + a = (a·x·b)·x + a = 3·7·5·7 + 3, a, b, x, t1 = a·x, t2 = t1·b
        BigInteger[] expected = {BigInteger.ONE, BigInteger.valueOf(738), BigInteger.valueOf(3),
            BigInteger.valueOf(5), BigInteger.valueOf(7), BigInteger.valueOf(21), BigInteger.valueOf(105)};
        assertArrayEquals(expected, w);
        assertArrayEquals(original, WtnsFile.write(w));
    }

    @Test
    void jsonFilesRoundTripByteForByte() {
        String vk = Crosscheck.text(fx.resolve("verification_key.json"));
        assertEquals(vk, SnarkjsJson.writeVerificationKey(SnarkjsJson.readVerificationKey(vk)));
        String proof = Crosscheck.text(fx.resolve("proof.json"));
        assertEquals(proof, SnarkjsJson.writeProof(SnarkjsJson.readProof(proof)));
        String pub = Crosscheck.text(fx.resolve("public.json"));
        List<BigInteger> signals = SnarkjsJson.readPublicSignals(pub);
        assertEquals(List.of(BigInteger.valueOf(738), BigInteger.valueOf(3), BigInteger.valueOf(5)), signals);
        assertEquals(pub, SnarkjsJson.writePublicSignals(signals));
    }

    @Test
    void strictJsonReading() {
        String proof = Crosscheck.text(fx.resolve("proof.json"));
        assertMessage("malformed JSON", () -> SnarkjsJson.readProof(proof.substring(0, proof.length() - 3)));
        assertMessage("not a decimal", () -> SnarkjsJson.readPublicSignals("[\"12a\"]"));
        assertMessage("not a decimal", () -> SnarkjsJson.readPublicSignals("[\"-1\"]"));
        assertMessage("decimal string", () -> SnarkjsJson.readPublicSignals("[12]"));
        assertMessage("below the scalar field", () -> SnarkjsJson.readPublicSignals("[\"" + Bn128.R + "\"]"));
        assertMessage("below the base field", () -> SnarkjsJson.readProof(
                proof.replaceFirst("\"pi_a\": \\[\\n  \"[0-9]+\"", "\"pi_a\": [\n  \"" + Bn128.Q + "\"")));
        assertMessage("must have 3 elements", () -> SnarkjsJson.readProof(
                proof.replaceFirst("\"pi_c\": \\[\\n  \"[0-9]+\",", "\"pi_c\": [")));
        assertMessage("z must be 1", () -> SnarkjsJson.readProof(proof.replace("\"1\"\n ],\n \"pi_b\"",
                "\"2\"\n ],\n \"pi_b\"")));
        String vk = Crosscheck.text(fx.resolve("verification_key.json"));
        assertMessage("IC has", () -> SnarkjsJson.readVerificationKey(vk.replace("\"nPublic\": 3", "\"nPublic\": 2")));
        assertMessage("\"protocol\" must be", () -> SnarkjsJson.readVerificationKey(vk.replace("groth16", "plonk")));
    }

    @Test
    void strictBinaryReading() {
        byte[] zkey = Crosscheck.bytes(fx.resolve("circuit.zkey"));
        assertMessage("not a zkey file", () -> ZkeyFile.read(Crosscheck.bytes(fx.resolve("witness.wtns"))));
        byte[] truncated = java.util.Arrays.copyOf(zkey, zkey.length - 1);
        assertMessage("claims", () -> ZkeyFile.read(truncated));
        // the first coordinate of alpha1 (header section 2, after n8q, q, n8r, r, nVars, nPublic, domainSize)
        int alphaX = 12 + 12 + 4 + 12 + 4 + 32 + 4 + 32 + 12;
        byte[] bad = zkey.clone();
        ByteBuffer.wrap(bad).order(ByteOrder.LITTLE_ENDIAN).position(alphaX);
        for (int i = 0; i < 32; i++) {
            bad[alphaX + i] = (byte) 0xff;
        }
        assertMessage("alpha1.x is not a canonical", () -> ZkeyFile.read(bad));

        BigInteger[] w = WtnsFile.read(Crosscheck.bytes(fx.resolve("witness.wtns")));
        w[2] = Bn128.R;
        assertMessage("witness[2]", () -> WtnsFile.write(w));
        byte[] wtns = Crosscheck.bytes(fx.resolve("witness.wtns"));
        byte[] badW = wtns.clone();
        for (int i = 0; i < 32; i++) {
            badW[badW.length - 32 + i] = (byte) 0xff;
        }
        assertMessage("witness[6]", () -> WtnsFile.read(badW));
    }

    private static void assertMessage(String fragment, org.junit.jupiter.api.function.Executable e) {
        FormatException ex = assertThrows(FormatException.class, e);
        assertTrue(ex.getMessage().contains(fragment), () -> "message '" + ex.getMessage() + "' lacks " + fragment);
    }
}
