package org.haca.proof.zk.internal.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.haca.backend.quant.internal.qprog.QExecutor;
import org.haca.backend.quant.internal.qprog.QOp;
import org.haca.backend.quant.internal.qprog.QProgram;
import org.haca.backend.quant.internal.qprog.QTensor;
import org.haca.proof.zk.internal.r1cs.Field;
import org.haca.proof.zk.internal.r1cs.R1csFile;
import org.junit.jupiter.api.Test;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * A compiled circuit through snarkjs's own Groth16 (setup on the Java-written .r1cs, proof from the Java witness):
 * the proof verifies with exactly the public signals of {@link PublicLayout}, and changing any one of them (an
 * output, the input commitment, the model commitment halves, the binding) makes verification fail.
 */
class SnarkjsGroth16Test {

    @Test
    void snarkjsProvesAndVerifiesACompiledCircuit() throws IOException {
        byte[] w = {5, -7, 100, -128, 127, 3, 9, -1};
        QProgram p = new QProgram(List.of(new QProgram.Input("x", new long[] {-1, 4}, 0)),
                List.of(new QProgram.Output("y", "y", -3)), Map.of("x", 0, "y", -3),
                List.of(new QOp.Linear("x", "y", 2, 4, w, 0, new int[] {10, -20}, 3, false)));
        CompiledCircuit c = CircuitCompiler.compile(p);
        Map<String, QTensor> in = Map.of("x", new QTensor(new int[] {1, 4}, new byte[] {-3, 50, 1, -90}, 0));
        BigInteger binding = new BigInteger("4242424242");
        BigInteger[] witness = c.witness(in, binding);

        Path dir = Path.of("target", "circuit-groth16");
        Files.createDirectories(dir);
        Path r1cs = dir.resolve("linear.r1cs");
        Path wtns = dir.resolve("linear.wtns");
        R1csFile.write(c.r1cs(), r1cs);
        Files.write(wtns, wtns(witness));
        int power = 32 - Integer.numberOfLeadingZeros(c.r1cs().constraints().size() + c.layout().nPublic());
        JsonObject res = new Gson().fromJson(NodeTool.node(null, "circuit-groth16.mjs", r1cs.toAbsolutePath().toString(),
                wtns.toAbsolutePath().toString(), Integer.toString(power), dir.toAbsolutePath().toString()),
                JsonObject.class);

        assertTrue(res.get("verified").getAsBoolean(), res.toString());
        JsonArray pub = res.getAsJsonArray("publicSignals");
        BigInteger[] expected = c.publicSignals(witness);
        assertEquals(expected.length, pub.size());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], new BigInteger(pub.get(i).getAsString()), "public signal " + i);
        }
        assertEquals(new QExecutor(p).run(in), c.outputs(expected));
        assertEquals(binding, expected[c.layout().bindingIndex()]);
        assertEquals(0, res.getAsJsonArray("tamperedAccepted").size(), res.toString());
    }

    /** The iden3 .wtns layout (version 2): header (n8, prime, count), then the values, 32-byte little-endian. */
    private static byte[] wtns(BigInteger[] w) throws IOException {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write("wtns".getBytes(StandardCharsets.US_ASCII));
        o.write(le(2, 4));
        o.write(le(2, 4));
        o.write(le(1, 4));
        o.write(le(4 + 32 + 4, 8));
        o.write(le(32, 4));
        o.write(field(Field.R));
        o.write(le(w.length, 4));
        o.write(le(2, 4));
        o.write(le(32L * w.length, 8));
        for (BigInteger v : w) {
            o.write(field(v));
        }
        return o.toByteArray();
    }

    private static byte[] le(long v, int n) {
        byte[] b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
        return java.util.Arrays.copyOf(b, n);
    }

    private static byte[] field(BigInteger v) {
        byte[] be = v.toByteArray();
        byte[] le = new byte[32];
        for (int i = 0; i < be.length && i < 32; i++) {
            le[i] = be[be.length - 1 - i];
        }
        return le;
    }
}
