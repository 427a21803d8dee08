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
}
