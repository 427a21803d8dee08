import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.haca.api.proof.Statement;
import org.haca.api.proof.Verdict;
import org.haca.proof.tee.internal.crypto.ChainValidator;
import org.haca.proof.tee.internal.nitro.NitroPolicy;
import org.haca.proof.tee.internal.nitro.NitroVerifier;

/**
 * Nitro verifications per second, with and without the certificate-chain cache, on the real yawn document at its
 * recorded time. Not a unit test: run with benchmarks/tee-nitro/run.sh. Args: [seconds per run] [threads...].
 */
public class NitroBenchmark {
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int[] threads = args.length > 1 ? java.util.Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] { 1, 2 };
        byte[] doc = Files.readAllBytes(Path.of(System.getProperty("vectors"), "nitro/yawn-attestation.cose"));
        Instant at = Instant.ofEpochMilli(1736179625000L);
        Statement st = new Statement("haca-bench", "11".repeat(32), "22".repeat(32), "33".repeat(32), "01", 1L);
        NitroPolicy policy = new NitroPolicy(Set.of(
                "8bb159f202bb95d6d4d98e0e103918246cea734f1d57cd263e4fd56075ed53f6fa8c68854817a32749a241e11874c26b"),
                Set.of(), Set.of(), 600_000, 60_000, false);
        var root = NitroVerifier.pinnedRoot();
        System.out.printf("java %s, %d cpus, %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), java.time.Instant.now());
        for (boolean cached : new boolean[] { true, false }) {
            NitroVerifier verifier = new NitroVerifier(new ChainValidator(root, cached ? 1024 : 0), policy);
            Verdict v = verifier.verify(doc, st, at);
            if (!v.checks().stream().filter(c -> c.name().equals("signature") || c.name().equals("certificate_chain"))
                    .allMatch(Verdict.Check::passed)) {
                throw new IllegalStateException("document does not verify: " + v);
            }
            run(verifier, doc, st, at, 1, Math.min(3, seconds)); // warm-up
            for (int t : threads) {
                double rate = run(verifier, doc, st, at, t, seconds);
                System.out.printf("%-9s threads=%d  %8.1f verifications/s  (%.3f ms each per thread)%n",
                        cached ? "cached" : "uncached", t, rate, 1000.0 * t / rate);
            }
        }
    }

    static double run(NitroVerifier verifier, byte[] doc, Statement st, Instant at, int threads, int seconds)
            throws InterruptedException {
        AtomicLong count = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Thread[] ts = new Thread[threads];
        long t0 = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            ts[i] = new Thread(() -> {
                long n = 0;
                while (System.nanoTime() < end) {
                    verifier.verify(doc, st, at);
                    n++;
                }
                count.addAndGet(n);
            });
            ts[i].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        return count.get() / ((System.nanoTime() - t0) / 1e9);
    }
}
