package org.haca.api.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class TensorTest {

    @Test
    void roundTripsEachDtypeLittleEndian() {
        Tensor f = Tensor.ofFloats(new long[] {2}, 1.5f, -3f);
        assertArrayEquals(new float[] {1.5f, -3f}, f.floats());
        assertEquals(0x3f, f.bytes()[3] & 0xff, "1.5f = 0x3fc00000, little-endian: high byte last");
        assertArrayEquals(new int[] {1, -2}, Tensor.ofInts(new long[] {2}, 1, -2).ints());
        assertArrayEquals(new long[] {Long.MIN_VALUE}, Tensor.ofLongs(new long[] {1}, Long.MIN_VALUE).longs());
        assertArrayEquals(new byte[] {-128, 127}, Tensor.ofInt8(new long[] {2}, (byte) -128, (byte) 127).int8s());
    }

    @Test
    void rejectsDataThatDoesNotFitTheShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.ofFloats(new long[] {2, 2}, 1f, 2f, 3f));
        assertTrue(e.getMessage().contains("4 elements"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.ofFloats(new long[] {-1}, 1f));
    }

    @Test
    void isImmutable() {
        long[] shape = {2};
        float[] data = {1f, 2f};
        Tensor t = Tensor.ofFloats(shape, data);
        shape[0] = 99;
        data[0] = 42f;
        t.shape()[0] = 7;
        assertArrayEquals(new long[] {2}, t.shape());
        assertArrayEquals(new float[] {1f, 2f}, t.floats());
    }

    @Test
    void wrongTypedAccessFailsClearly() {
        Tensor t = Tensor.ofInts(new long[] {1}, 1);
        IllegalStateException e = assertThrows(IllegalStateException.class, t::floats);
        assertEquals("tensor is INT32, not FLOAT32", e.getMessage());
    }

    @Test
    void specAcceptsDynamicDimensions() {
        TensorSpec spec = new TensorSpec("input", DType.FLOAT32, List.of(-1L, 784L));
        assertTrue(spec.accepts(new long[] {64, 784}));
        assertEquals(false, spec.accepts(new long[] {1, 783}));
        assertEquals(false, spec.accepts(new long[] {784}));
    }
}
