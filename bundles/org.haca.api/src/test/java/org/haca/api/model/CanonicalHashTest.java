package org.haca.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Known answers computed independently with Python's hashlib/struct from the encoding documented in CanonicalHash. */
class CanonicalHashTest {
    private final Tensor a = Tensor.ofFloats(new long[] {1, 3}, 1.0f, -2.5f, 0.0f);
    private final Tensor b = Tensor.ofInts(new long[] {2}, 7, -1);

    @Test
    void tensorHashMatchesIndependentEncoding() {
        assertEquals("cd3082ff35046ce7d41d61cb4d1e170e118bd988f8f81c0f798680d6794013ff", CanonicalHash.ofTensor(a));
    }

    @Test
    void namedTensorsHashIgnoresMapOrder() {
        Map<String, Tensor> ba = new LinkedHashMap<>();
        ba.put("b", b);
        ba.put("a", a);
        assertEquals("99316f2a3456ac6356f7263e1ad317e27a6ccda76c55e06b9cb230a4bc3fee7a", CanonicalHash.ofTensors(ba));
        assertEquals(CanonicalHash.ofTensors(Map.of("a", a, "b", b)), CanonicalHash.ofTensors(ba));
    }

    @Test
    void shapeAndDtypeAreCommitted() {
        Tensor reshaped = Tensor.ofFloats(new long[] {3, 1}, 1.0f, -2.5f, 0.0f);
        assertNotEquals(CanonicalHash.ofTensor(a), CanonicalHash.ofTensor(reshaped));
        Tensor sameBitsOtherType = Tensor.ofBytes(DType.INT32, new long[] {1, 3}, a.bytes());
        assertNotEquals(CanonicalHash.ofTensor(a), CanonicalHash.ofTensor(sameBitsOtherType));
    }

    @Test
    void bytesHashIsPlainSha256() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                CanonicalHash.ofBytes("abc".getBytes(StandardCharsets.US_ASCII)));
    }
}
