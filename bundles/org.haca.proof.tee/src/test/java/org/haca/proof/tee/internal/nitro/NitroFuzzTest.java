package org.haca.proof.tee.internal.nitro;

import static org.haca.proof.tee.internal.Vectors.*;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.haca.api.proof.Verdict;
import org.haca.proof.tee.internal.cbor.Cbor;
import org.haca.proof.tee.internal.cbor.CborException;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of the CBOR decoder and the whole Nitro verifier: random inputs and structured mutations of the real
 * documents. Only clean rejections (CborException / invalid verdict), never another exception, never a hang.
 */
class NitroFuzzTest {
    static final long SEED = 0x4841434154454531L;

    @Test
    void randomBytesAreCleanlyRejectedByTheDecoder() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            Random r = new Random(SEED);
            for (int i = 0; i < 200_000; i++) {
                byte[] b = new byte[r.nextInt(64)];
                r.nextBytes(b);
                try {
                    Cbor.decode(b);
                } catch (CborException expected) {
                    // clean rejection
                } catch (RuntimeException | StackOverflowError e) {
                    fail("decoder threw " + e + " for " + org.haca.proof.tee.internal.Hex.encode(b));
                }
            }
        });
    }

    @Test
    void mutatedDocumentsNeverThrowAndNeverVerify() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            Random r = new Random(SEED + 1);
            NitroVerifier verifier = verifier(vectorPolicy(true));
            List<byte[]> docs = List.of(load(YAWN), load(BLINDAI), load(SUI));
            List<Instant> times = List.of(YAWN_AT, BLINDAI_AT, SUI_AT);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            int n = 0;
            while (n < 300 || (System.nanoTime() < deadline && n < 3000)) {
                int which = r.nextInt(3);
                byte[] m = mutate(docs.get(which), r);
                Verdict v;
                try {
                    v = verifier.verify(m, SOME_STATEMENT, times.get(which));
                } catch (Throwable t) {
                    fail("verify threw " + t);
                    return;
                }
                assertFalse(v.valid());
                assertFalse(v.checks().stream().anyMatch(c -> c.name().equals("internal")),
                        "defensive catch fired: " + v);
                n++;
            }
            System.out.println("[NitroFuzzTest] " + n + " mutated documents verified, all cleanly rejected");
        });
    }

    static byte[] mutate(byte[] doc, Random r) {
        byte[] m = doc.clone();
        switch (r.nextInt(6)) {
            case 0 -> { // random byte overwrites
                for (int k = 1 + r.nextInt(8); k > 0; k--) {
                    m[r.nextInt(m.length)] = (byte) r.nextInt(256);
                }
            }
            case 1 -> m = Arrays.copyOf(m, r.nextInt(m.length)); // truncation
            case 2 -> { // insertion
                int at = r.nextInt(m.length);
                byte[] ins = new byte[1 + r.nextInt(16)];
                r.nextBytes(ins);
                byte[] out = new byte[m.length + ins.length];
                System.arraycopy(m, 0, out, 0, at);
                System.arraycopy(ins, 0, out, at, ins.length);
                System.arraycopy(m, at, out, at + ins.length, m.length - at);
                m = out;
            }
            case 3 -> { // deletion
                int at = r.nextInt(m.length);
                int len = Math.min(m.length - at, 1 + r.nextInt(32));
                byte[] out = new byte[m.length - len];
                System.arraycopy(m, 0, out, 0, at);
                System.arraycopy(m, at + len, out, at, m.length - at - len);
                m = out;
            }
            case 4 -> { // CBOR heads: overwrite a byte with an interesting initial byte
                int[] heads = { 0x5b, 0x9b, 0xbb, 0x5f, 0x9f, 0xbf, 0xf9, 0xfb, 0x1b, 0x3b, 0xd2, 0xc0, 0xff, 0x58, 0x59 };
                m[r.nextInt(m.length)] = (byte) heads[r.nextInt(heads.length)];
            }
            default -> { // swap two regions of the document
                int a = r.nextInt(m.length);
                int b = r.nextInt(m.length);
                byte t = m[a];
                m[a] = m[b];
                m[b] = t;
                if (m[a] == m[b]) {
                    m[a] ^= 0x10;
                }
            }
        }
        return m;
    }
}
