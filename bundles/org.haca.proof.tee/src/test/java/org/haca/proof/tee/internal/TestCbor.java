package org.haca.proof.tee.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.haca.proof.tee.internal.cbor.Cbor;

/** A test-only CBOR encoder (shortest form) to build synthetic documents. */
public final class TestCbor {
    private TestCbor() {
    }

    public static byte[] encode(Object o) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, o);
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, Object o) {
        if (o == null) {
            out.write(0xf6);
        } else if (o instanceof Long l) {
            out.writeBytes(l >= 0 ? Cbor.head(0, l) : Cbor.head(1, -1 - l));
        } else if (o instanceof Integer i) {
            write(out, (long) i);
        } else if (o instanceof byte[] b) {
            out.writeBytes(Cbor.head(2, b.length));
            out.writeBytes(b);
        } else if (o instanceof String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(Cbor.head(3, b.length));
            out.writeBytes(b);
        } else if (o instanceof List<?> list) {
            out.writeBytes(Cbor.head(4, list.size()));
            list.forEach(e -> write(out, e));
        } else if (o instanceof Map<?, ?> map) {
            out.writeBytes(Cbor.head(5, map.size()));
            map.forEach((k, v) -> {
                write(out, k);
                write(out, v);
            });
        } else {
            throw new IllegalArgumentException(o.getClass().toString());
        }
    }
}
