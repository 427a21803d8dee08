package org.haca.proof.zk.internal.r1cs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.haca.proof.zk.internal.circuit.NodeTool;
import org.junit.jupiter.api.Test;

class R1csFileTest {
    private static final Path OUT = Path.of("target", "circuit-r1cs");

    /** A random constraint system (random wires and full-size coefficients, sometimes empty LCs). */
    static R1cs random(long seed, int nWires, int nConstraints) {
        Random rnd = new Random(seed);
        List<Constraint> cs = new ArrayList<>();
        for (int i = 0; i < nConstraints; i++) {
            cs.add(new Constraint(randomLc(rnd, nWires), randomLc(rnd, nWires), randomLc(rnd, nWires)));
        }
        return new R1cs(nWires, 2, 3, 4, nWires, cs);
    }

    private static LinearCombination randomLc(Random rnd, int nWires) {
        int[] wires = rnd.ints(0, nWires).distinct().limit(rnd.nextInt(5)).sorted().toArray();
        BigInteger[] coeffs = new BigInteger[wires.length];
        for (int i = 0; i < wires.length; i++) {
            coeffs[i] = new BigInteger(260, rnd).mod(Field.R.subtract(BigInteger.ONE)).add(BigInteger.ONE);
        }
        return new LinearCombination(wires, coeffs);
    }

    @Test
    void writeThenReadGivesTheSameSystem() throws IOException {
        R1cs r = random(1, 40, 100);
        byte[] bytes = R1csFile.write(r);
        R1csFile.Contents back = R1csFile.read(bytes);
        assertEquals(r, back.r1cs());
        long[] identity = new long[40];
        Arrays.setAll(identity, i -> i);
        assertArrayEquals(identity, back.wireToLabel());
        assertArrayEquals(bytes, R1csFile.write(back.r1cs(), back.wireToLabel()));
    }

    @Test
    void headerLayoutIsTheIden3One() {
        R1cs r = random(2, 10, 3);
        byte[] b = R1csFile.write(r);
        assertEquals("r1cs", new String(b, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(1, b[4]); // version 1 (LE)
        assertEquals(3, b[8]); // three sections
        assertEquals(1, b[12]); // first section: header
        assertEquals(64, b[16]); // header size 4 + 32 + 16 + 8 + 4
        assertEquals(32, b[24]); // n8
        // prime r little-endian: lowest byte 0x01, highest 0x30
        assertEquals(0x01, b[28] & 0xff);
        assertEquals(0x30, b[28 + 31] & 0xff);
        assertEquals(10, b[60]); // nWires
    }

    @Test
    void readsACircom2CompiledFile() throws IOException {
        Files.createDirectories(OUT);
        NodeTool.run(null, NodeTool.crosscheck().resolve("node_modules/.bin/circom2").toString(),
                NodeTool.crosscheck().resolve("circuit-r1cs-sample.circom").toString(), "--r1cs", "--O0", "-o",
                OUT.toAbsolutePath().toString());
        R1csFile.Contents c = R1csFile.read(OUT.resolve("circuit-r1cs-sample.r1cs"));
        R1cs r = c.r1cs();
        // circom order: one, outputs c d, public input a, private input b, internal m
        assertEquals(6, r.nWires());
        assertEquals(2, r.nPubOut());
        assertEquals(1, r.nPubIn());
        assertEquals(1, r.nPrvIn());
        assertEquals(6, r.nLabels());
        assertEquals(3, r.constraints().size());
        // a = 3, b = 5: m = 15, c = 48, d = -22; every constraint holds, a wrong c or d breaks one
        BigInteger[] w = {BigInteger.ONE, Field.of(48), Field.of(-22), Field.of(3), Field.of(5), Field.of(15)};
        assertEquals(-1, r.firstViolated(w));
        BigInteger[] badC = w.clone();
        badC[1] = Field.of(49);
        assertNotEquals(-1, r.firstViolated(badC));
        BigInteger[] badD = w.clone();
        badD[2] = Field.of(22);
        assertNotEquals(-1, r.firstViolated(badD));
        // re-written by Java and read again: the same system
        assertEquals(r, R1csFile.read(R1csFile.write(r, c.wireToLabel())).r1cs());
    }

    @Test
    void snarkjsReportsTheCountsOfAJavaWrittenFile() throws IOException {
        Files.createDirectories(OUT);
        R1cs r = random(3, 57, 33);
        Path f = OUT.resolve("java-written.r1cs");
        R1csFile.write(r, f);
        String info = NodeTool.node(null, "node_modules/snarkjs/cli.js", "r1cs", "info", f.toAbsolutePath().toString());
        assertEquals(57, count(info, "# of Wires"));
        assertEquals(33, count(info, "# of Constraints"));
        assertEquals(4, count(info, "# of Private Inputs"));
        assertEquals(3, count(info, "# of Public Inputs"));
        assertEquals(57, count(info, "# of Labels"));
        assertEquals(2, count(info, "# of Outputs"));
        assertTrue(info.contains("bn-128"), info);
    }

    private static long count(String info, String label) {
        Matcher m = Pattern.compile(Pattern.quote(label) + ": (\\d+)").matcher(info);
        assertTrue(m.find(), label + " missing in: " + info);
        return Long.parseLong(m.group(1));
    }

    @Test
    void malformedFilesGiveClearErrors() {
        byte[] good = R1csFile.write(random(4, 12, 5));
        IOException e = assertThrows(IOException.class, () -> R1csFile.read("nope".getBytes()));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        byte[] badMagic = good.clone();
        badMagic[0] = 'x';
        assertTrue(assertThrows(IOException.class, () -> R1csFile.read(badMagic)).getMessage().contains("magic"));
        byte[] truncated = Arrays.copyOf(good, good.length - 9);
        assertThrows(IOException.class, () -> R1csFile.read(truncated));
        byte[] badPrime = good.clone();
        badPrime[28] = 3;
        assertTrue(assertThrows(IOException.class, () -> R1csFile.read(badPrime)).getMessage().contains("prime"));
        byte[] badVersion = good.clone();
        badVersion[4] = 2;
        assertTrue(assertThrows(IOException.class, () -> R1csFile.read(badVersion)).getMessage().contains("version"));
    }

    @Test
    void rejectsALabelMapOfTheWrongLength() {
        R1cs r = random(5, 12, 2);
        assertThrows(IllegalArgumentException.class, () -> R1csFile.write(r, new long[3]));
    }
}
