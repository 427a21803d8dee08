package org.haca.backend.quant.internal.qprog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Arrays;

import org.haca.backend.quant.internal.quantize.OnnxImport;
import org.haca.onnx.testmodels.TestModels;
import org.junit.jupiter.api.Test;

class QProgramCodecTest {

    @Test
    void roundTripIsByteIdentical() throws Exception {
        for (byte[] m : new byte[][] {TestModels.mlp(), TestModels.cnn(), TestModels.cnnWithFlatten()}) {
            QProgram p = OnnxImport.quantize(m);
            byte[] enc = QProgramCodec.encode(p);
            QProgram back = QProgramCodec.decode(enc);
            assertArrayEquals(enc, QProgramCodec.encode(back));
            assertEquals(QProgramCodec.hash(p), QProgramCodec.hash(back));
            // quantizing again gives the same program
            assertEquals(QProgramCodec.hash(p), QProgramCodec.hash(OnnxImport.quantize(m)));
        }
    }

    @Test
    void rejectsTruncatedAndForeignBytes() throws Exception {
        byte[] enc = QProgramCodec.encode(OnnxImport.quantize(TestModels.mlp()));
        assertThrows(IOException.class, () -> QProgramCodec.decode(Arrays.copyOf(enc, enc.length / 2)));
        assertThrows(IOException.class, () -> QProgramCodec.decode(new byte[] {1, 2, 3}));
        byte[] longer = Arrays.copyOf(enc, enc.length + 1);
        assertThrows(IOException.class, () -> QProgramCodec.decode(longer));
    }

    @Test
    void runAllExposesEveryIntermediateTensor() throws Exception {
        QProgram p = OnnxImport.quantize(TestModels.cnn());
        QExecutor ex = new QExecutor(p);
        byte[] x = new byte[2 * 784];
        for (int i = 0; i < x.length; i++) {
            x[i] = (byte) (i % 64);
        }
        java.util.Map<String, QTensor> in = java.util.Map.of("input", new QTensor(new int[] {2, 1, 28, 28}, x,
                p.inputs().get(0).exponent()));
        java.util.Map<String, QTensor> all = ex.runAll(in);
        assertEquals(1 + p.ops().size(), all.size());
        for (QOp op : p.ops()) {
            assertEquals(p.exponent(op.output()), all.get(op.output()).exponent(), op.output());
        }
        assertEquals(ex.run(in).get("logits"), all.get(p.outputs().get(0).tensor()));
    }
}
