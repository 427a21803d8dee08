package org.haca.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.haca.onnx.testmodels.TestModels;
import org.junit.jupiter.api.Test;

class OnnxReaderTest {

    @Test
    void readsTheGeneratedMlp() throws Exception {
        OnnxModel m = OnnxReader.read(TestModels.mlp());
        assertEquals(OnnxWriter.IR_VERSION, m.irVersion());
        assertEquals(13, m.defaultOpset());
        OnnxGraph g = m.graph();
        assertEquals(List.of("Gemm", "Relu", "Gemm"), g.nodes().stream().map(OnnxNode::opType).toList());
        assertEquals(1, g.inputs().size(), "initializers are not user inputs");
        OnnxValueInfo in = g.inputs().get(0);
        assertEquals("input", in.name());
        assertEquals(OnnxTensor.FLOAT, in.elemType());
        assertEquals(List.of(-1L, 784L), in.shape());
        assertEquals(List.of("N", ""), in.dimParams());
        assertArrayEquals(new long[] {784, 128}, g.initializer("fc1.weight").dims());
        assertEquals(784 * 128, g.initializer("fc1.weight").floats().length);
        assertEquals(1, g.nodes().get(2).intAttr("transB", 0));
        assertEquals(1f, g.nodes().get(2).floatAttr("alpha", 0f));
    }

    @Test
    void readsTheGeneratedCnnIncludingInt64ShapeAndIntsAttributes() throws Exception {
        OnnxGraph g = OnnxReader.read(TestModels.cnn()).graph();
        assertEquals(List.of("Conv", "Relu", "MaxPool", "Conv", "Relu", "AveragePool", "Reshape", "MatMul", "Add",
                "Relu", "Gemm"), g.nodes().stream().map(OnnxNode::opType).toList());
        assertArrayEquals(new long[] {-1, 392}, g.initializer("flat.shape").longs());
        assertArrayEquals(new long[] {1, 1, 1, 1}, g.nodes().get(0).intsAttr("pads", null));
        assertEquals(List.of(-1L, 1L, 28L, 28L), g.inputs().get(0).shape());
        OnnxGraph flat = OnnxReader.read(TestModels.cnnWithFlatten()).graph();
        assertEquals(1, flat.nodes().stream().filter(n -> n.opType().equals("Flatten")).count());
    }

    @Test
    void generatorIsDeterministicAndSeedSensitive() {
        assertArrayEquals(TestModels.mlp(), TestModels.mlp());
        assertArrayEquals(TestModels.cnn(), TestModels.cnn());
        assertTrue(!java.util.Arrays.equals(TestModels.mlp(1), TestModels.mlp(2)));
    }

    @Test
    void writeReadRoundTripKeepsValues() throws Exception {
        byte[] bytes = TestModels.mlp();
        OnnxModel m = OnnxReader.read(bytes);
        assertArrayEquals(bytes, OnnxWriter.write(m), "re-encoding a decoded generated model gives the same bytes");
    }

    @Test
    void everyTruncationIsRejectedCleanly() {
        byte[] full = TestModels.cnn();
        // every proper prefix must fail with OnnxFormatException, never with another exception
        for (int len = 0; len < full.length; len += Math.max(1, len / 50)) {
            byte[] cut = java.util.Arrays.copyOf(full, len);
            assertThrows(OnnxFormatException.class, () -> OnnxReader.read(cut), "prefix of " + len);
        }
    }

    @Test
    void garbageIsRejected() {
        Random rnd = new Random(1);
        for (int k = 0; k < 200; k++) {
            byte[] junk = new byte[1 + rnd.nextInt(4096)];
            rnd.nextBytes(junk);
            assertThrows(OnnxFormatException.class, () -> OnnxReader.read(junk));
        }
        assertThrows(OnnxFormatException.class,
                () -> OnnxReader.read("this is not an onnx model".getBytes(StandardCharsets.UTF_8)));
        assertThrows(OnnxFormatException.class, () -> OnnxReader.read("{\"json\":true}".getBytes()));
        assertThrows(OnnxFormatException.class, () -> OnnxReader.read(new byte[0]));
    }

    @Test
    void flippedBytesNeverEscapeAsOtherExceptions() {
        byte[] full = TestModels.mlp();
        Random rnd = new Random(3);
        for (int k = 0; k < 300; k++) {
            byte[] bad = full.clone();
            // corrupt the structural head, where tags and lengths are
            bad[rnd.nextInt(Math.min(bad.length, 400))] ^= (byte) (1 + rnd.nextInt(255));
            try {
                OnnxReader.read(bad);
            } catch (OnnxFormatException expected) {
                // fine: rejected with a reason
            }
        }
    }

    @Test
    void rejectsUndefinedNodeInputAndUnproducedOutput() {
        OnnxGraph bad = new OnnxGraph("g", List.of(node("Relu", "missing", "y")), Map.of(),
                List.of(value("x")), List.of(value("y")));
        OnnxFormatException e = assertThrows(OnnxFormatException.class, () -> OnnxReader.read(encode(bad)));
        assertTrue(e.getMessage().contains("missing"), e.getMessage());

        OnnxGraph noOut = new OnnxGraph("g", List.of(node("Relu", "x", "y")), Map.of(), List.of(value("x")),
                List.of(value("z")));
        assertThrows(OnnxFormatException.class, () -> OnnxReader.read(encode(noOut)));
    }

    @Test
    void rejectsExternalData() {
        // TensorProto{dims:[1], data_type:FLOAT, name:"w", data_location:EXTERNAL}
        ProtoWriter t = new ProtoWriter().packedInt64s(1, new long[] {1}).varint(2, 1).string(8, "w").varint(14, 1);
        ProtoWriter graph = new ProtoWriter().message(1, new ProtoWriter().string(1, "x").string(1, "w")
                .string(2, "y").string(4, "Add")).message(5, t).message(12, new ProtoWriter().string(1, "y"))
                .message(11, new ProtoWriter().string(1, "x"));
        byte[] model = new ProtoWriter().varint(1, 8).message(7, graph)
                .message(8, new ProtoWriter().string(1, "").varint(2, 13)).toByteArray();
        OnnxFormatException e = assertThrows(OnnxFormatException.class, () -> OnnxReader.read(model));
        assertTrue(e.getMessage().contains("external"), e.getMessage());
    }

    @Test
    void readsUnpackedRepeatedFieldsAndTypedFloatData() throws Exception {
        // dims unpacked (proto2 default) and float_data instead of raw_data, as some exporters write them
        ProtoWriter t = new ProtoWriter().varint(1, 2).varint(1, 1).varint(2, 1).string(8, "w")
                .fixed32(4, 1.5f).fixed32(4, -2f);
        ProtoWriter graph = new ProtoWriter().message(1, new ProtoWriter().string(1, "x").string(1, "w")
                .string(2, "y").string(4, "Add")).message(5, t).message(12, new ProtoWriter().string(1, "y"))
                .message(11, new ProtoWriter().string(1, "x"));
        byte[] model = new ProtoWriter().varint(1, 8).message(7, graph)
                .message(8, new ProtoWriter().string(1, "").varint(2, 13)).toByteArray();
        OnnxTensor w = OnnxReader.read(model).graph().initializer("w");
        assertArrayEquals(new long[] {2, 1}, w.dims());
        assertArrayEquals(new float[] {1.5f, -2f}, w.floats());
    }

    @Test
    void rejectsInitializerWhoseDataDoesNotMatchDims() {
        ProtoWriter t = new ProtoWriter().packedInt64s(1, new long[] {3}).varint(2, 1).string(8, "w")
                .bytes(9, new byte[8]);
        ProtoWriter graph = new ProtoWriter().message(1, new ProtoWriter().string(1, "x").string(1, "w")
                .string(2, "y").string(4, "Add")).message(5, t).message(12, new ProtoWriter().string(1, "y"))
                .message(11, new ProtoWriter().string(1, "x"));
        byte[] model = new ProtoWriter().varint(1, 8).message(7, graph)
                .message(8, new ProtoWriter().string(1, "").varint(2, 13)).toByteArray();
        assertThrows(OnnxFormatException.class, () -> OnnxReader.read(model));
    }

    private static OnnxNode node(String op, String in, String out) {
        return new OnnxNode(out, op, "", List.of(in), List.of(out), Map.of());
    }

    private static OnnxValueInfo value(String name) {
        return new OnnxValueInfo(name, OnnxTensor.FLOAT, List.of(1L), List.of(""));
    }

    private static byte[] encode(OnnxGraph g) {
        return OnnxWriter.write(new OnnxModel(8, "t", Map.of("", 13L), g));
    }
}
