package org.haca.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.haca.api.model.CanonicalHash;
import org.haca.onnx.testmodels.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Issue #10's load harness: an <em>open-loop</em> client offers {@code haca.load.rate} inferences per second
 * (default 500; mode {@code haca.load.mode}, default TEE) to a dev node, pinned to the bit-exact {@code quant} backend, while the node
 * <ol>
 * <li>swaps the model backend (a second build of {@code org.haca.backend.quant}, ranking 10, through the plugins
 * folder; 3 s later it is removed again: a roll-back, traffic returns to the first build);</li>
 * <li>swaps the proof system the verifier pipeline is draining with (a second build of the TEE simulator beside the
 * first, then removed again), and</li>
 * <li>installs a new proof bundle from {@code plugins-contrib/} (hashcommit).</li>
 * </ol>
 * The first {@value #WARM_UP_SECONDS} s ramp up from a tenth of the rate. Latency is measured from the moment a
 * request was <em>due</em>, so a stalled node cannot hide queueing (no
 * coordinated omission). Every 10th result is followed until its verdict settles it on chain: the verification lag.
 * A request fails unless it is a 200 whose output hash equals the pre-swap answer.
 *
 * <p>Not part of {@code mvn verify} (the name does not match the failsafe includes): it loads the machine for a
 * minute. Run: {@code mvn -B -ntp -pl runtime verify -Dit.test=SwapLoadBenchmark -Dhaca.load.rate=500}.
 */
class SwapLoadBenchmark {
    private static final Path PLUGINS = Path.of(System.getProperty("haca.test.plugins", "target/test-plugins"));
    private static final Map<String, String> CREDENTIALS = Map.of("HACA_ADMIN_USER", "ops",
            "HACA_ADMIN_PASSWORD", "swap-load-benchmark-password");
    private static final int RATE = Integer.getInteger("haca.load.rate", 500);
    /** TEE (default) makes every result wait for a verdict, so verification lag is measured; VANILLA settles later. */
    private static final String MODE = System.getProperty("haca.load.mode", "TEE");
    private static final int PHASE_SECONDS = Integer.getInteger("haca.load.phaseSeconds", 10);
    /** Beyond this many unanswered requests the node is not keeping up: further ones count as failed, unsent. */
    private static final int MAX_OUTSTANDING = 800;
    private static final Pattern QUEUE = Pattern.compile("(?m)^haca_verification_queue_depth (\\d+)");

    @TempDir
    Path dir;

    /** A generous connect timeout: a slow accept is latency, which the harness measures, not a failure. */
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
    private static final int WARM_UP_SECONDS = 10;

    /** What happened to the requests that were due in one phase. */
    static final class Phase {
        final List<Long> latencyMicros = Collections.synchronizedList(new ArrayList<>());
        final List<Long> lagMillis = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong offered = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong maxQueue = new AtomicLong();
        volatile double seconds;

        String row(String name) {
            List<Long> l = sorted(latencyMicros);
            List<Long> lag = sorted(lagMillis);
            return String.format("| %s | %.1f s | %d | %.0f | %d | %s | %s | %s | %s | %s | %d |", name, seconds,
                    offered.get(), offered.get() / seconds, failed.get(), ms(pct(l, 0.5)), ms(pct(l, 0.99)),
                    ms(pct(l, 1.0)), lag.isEmpty() ? "-" : pct(lag, 0.5) + " ms", lag.isEmpty() ? "-"
                            : pct(lag, 0.99) + " ms", maxQueue.get());
        }

        private static List<Long> sorted(List<Long> in) {
            List<Long> s;
            synchronized (in) {
                s = new ArrayList<>(in);
            }
            Collections.sort(s);
            return s;
        }

        private static long pct(List<Long> s, double p) {
            return s.isEmpty() ? 0 : s.get(Math.min(s.size() - 1, (int) (s.size() * p)));
        }

        private static String ms(long micros) {
            return String.format("%.1f ms", micros / 1000.0);
        }
    }

    @Test
    void fixedRateLoadThroughBackendAndProofSwaps() throws Exception {
        Path quantNext = HotSwapIT.nextBuild(PLUGINS.resolve("org.haca.backend.quant.jar"),
                dir.resolve("quant-next.jar"), "org.haca.backend.quant.next",
                "org.haca.backend.quant.internal.QuantBackend");
        Path simulatorNext = HotSwapIT.nextBuild(PLUGINS.resolve("org.haca.proof.tee.simulator.jar"),
                dir.resolve("simulator-next.jar"), "org.haca.proof.tee.simulator.next",
                "org.haca.proof.tee.simulator.internal.SimulatedProofSystem");
        Path nodeDir = Files.createDirectories(dir.resolve("node"));
        try (NodeProcess node = NodeProcess.start(nodeDir, CREDENTIALS, "--role", "dev-node")) {
            node.awaitReady(Duration.ofSeconds(90));
            Path plugins = nodeDir.resolve("plugins");
            byte[] mlp = TestModels.mlp();
            HttpResponse<String> up = send(node, "POST", "/api/v1/models?name=mlp", mlp, true);
            assertEquals(201, up.statusCode(), up.body());
            byte[] body = HotSwapIT.inferBody(CanonicalHash.ofBytes(mlp), MODE);
            HttpResponse<String> first = send(node, "POST", "/api/v1/infer", body, false);
            assertEquals(200, first.statusCode(), first.body());
            String expected = JsonParser.parseString(first.body()).getAsJsonObject().get("outputHash").getAsString();

            Map<String, Phase> phases = new LinkedHashMap<>();
            for (String p : List.of("warm-up", "before", "swap", "after")) {
                phases.put(p, new Phase());
            }
            AtomicReference<Phase> current = new AtomicReference<>(phases.get("warm-up"));
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            boolean verified = MODE.equals("TEE");
            Map<String, long[]> following = new ConcurrentHashMap<>(); // requestId -> {answeredAtMillis}
            Map<String, Phase> followedPhase = new ConcurrentHashMap<>();
            AtomicLong sequence = new AtomicLong();
            AtomicLong outstanding = new AtomicLong();
            running = true;

            Thread driver = new Thread(() -> {
                long start = System.nanoTime();
                long next = start;
                while (running) {
                    // warm-up ramps from a tenth of the rate to the full rate: a cold JVM (interpreted code, empty
                    // caches) is not what the swap is measured against
                    double warm = Math.min(1.0, (next - start) / (WARM_UP_SECONDS * 1e9));
                    long periodNanos = (long) (1e9 / (RATE * (0.1 + 0.9 * warm)));
                    long due = next;
                    Phase phase = current.get();
                    phase.offered.incrementAndGet();
                    boolean follow = verified && sequence.incrementAndGet() % 10 == 0;
                    if (outstanding.get() >= MAX_OUTSTANDING) {
                        phase.failed.incrementAndGet();
                        if (failures.size() < 5) {
                            failures.add("overload: " + MAX_OUTSTANDING + " requests unanswered, not sent");
                        }
                        next += periodNanos;
                        LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
                        continue;
                    }
                    outstanding.incrementAndGet();
                    HttpRequest req = HttpRequest.newBuilder(URI.create("http://localhost:" + node.httpPort
                            + "/api/v1/infer")).timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                    http.sendAsync(req, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                        outstanding.decrementAndGet();
                        long micros = (System.nanoTime() - due) / 1000;
                        String problem = e != null ? "exception " + e : r.statusCode() != 200 ? "status "
                                + r.statusCode() + ": " + r.body() : null;
                        JsonObject o = problem == null ? JsonParser.parseString(r.body()).getAsJsonObject() : null;
                        if (o != null && !expected.equals(o.get("outputHash").getAsString())) {
                            problem = "wrong output " + r.body();
                        }
                        if (problem != null) {
                            phase.failed.incrementAndGet();
                            if (failures.size() < 5) {
                                failures.add(problem);
                            }
                            return;
                        }
                        phase.latencyMicros.add(micros);
                        if (follow) {
                            String id = o.get("requestId").getAsString();
                            following.put(id, new long[] {System.currentTimeMillis()});
                            followedPhase.put(id, phase);
                        }
                    });
                    next += periodNanos;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                }
            }, "load-driver");

            ScheduledExecutorService watchers = Executors.newScheduledThreadPool(2);
            // verification lag: poll the followed results until their verdict settled them on chain
            watchers.scheduleWithFixedDelay(() -> {
                for (Map.Entry<String, long[]> e : following.entrySet()) {
                    try {
                        HttpResponse<String> r = send(node, "GET", "/api/v1/inferences/" + e.getKey(), null, false);
                        if (r.statusCode() == 200 && JsonParser.parseString(r.body()).getAsJsonObject()
                                .get("settled").getAsBoolean()) {
                            followedPhase.get(e.getKey()).lagMillis.add(System.currentTimeMillis() - e.getValue()[0]);
                            following.remove(e.getKey());
                        }
                    } catch (Exception ignored) {
                        // try again next round
                    }
                }
            }, 100, 100, TimeUnit.MILLISECONDS);
            watchers.scheduleWithFixedDelay(() -> {
                try {
                    Matcher m = QUEUE.matcher(send(node, "GET", "/metrics", null, false).body());
                    if (m.find()) {
                        current.get().maxQueue.accumulateAndGet(Long.parseLong(m.group(1)), Math::max);
                    }
                } catch (Exception ignored) {
                    // a missed sample
                }
            }, 250, 250, TimeUnit.MILLISECONDS);

            driver.start();
            timed(phases.get("warm-up"), () -> Thread.sleep(WARM_UP_SECONDS * 1000L));
            current.set(phases.get("before"));
            timed(phases.get("before"), () -> Thread.sleep(PHASE_SECONDS * 1000L));
            current.set(phases.get("swap"));
            timed(phases.get("swap"), () -> {
                Files.copy(quantNext, plugins.resolve("quant-next.jar"));
                assertTrue(NodeProcess.await(Duration.ofSeconds(20), () -> plugin(node, "org.haca.backend.quant.next")));
                Thread.sleep(3_000);
                Files.delete(plugins.resolve("quant-next.jar"));
                assertTrue(NodeProcess.await(Duration.ofSeconds(20), () -> !plugin(node, "org.haca.backend.quant.next")));
                Files.copy(simulatorNext, plugins.resolve("simulator-next.jar"));
                assertTrue(NodeProcess.await(Duration.ofSeconds(20),
                        () -> plugin(node, "org.haca.proof.tee.simulator.next")));
                Thread.sleep(3_000);
                Files.delete(plugins.resolve("simulator-next.jar"));
                assertTrue(NodeProcess.await(Duration.ofSeconds(20),
                        () -> !plugin(node, "org.haca.proof.tee.simulator.next")));
                Files.copy(PLUGINS.resolve("org.haca.contrib.hashcommit.jar"), plugins.resolve("hashcommit.jar"));
                assertTrue(NodeProcess.await(Duration.ofSeconds(20), () -> plugin(node, "org.haca.contrib.hashcommit")));
            });
            current.set(phases.get("after"));
            timed(phases.get("after"), () -> Thread.sleep(PHASE_SECONDS * 1000L));
            running = false;
            driver.join();
            Thread.sleep(3_000); // in-flight answers
            assertTrue(NodeProcess.await(Duration.ofSeconds(60), following::isEmpty),
                    following.size() + " followed results never settled");
            watchers.shutdownNow();

            System.out.println("[SwapLoadBenchmark] offered " + RATE + " " + MODE + " req/s (open loop), quant backend");
            System.out.println("| phase | length | offered | offered/s | failed | p50 | p99 | max | verification lag p50 "
                    + "| lag p99 | max verify queue |");
            phases.forEach((name, p) -> System.out.println(p.row(name)));
            long failed = phases.values().stream().mapToLong(p -> p.failed.get()).sum();
            assertEquals(0, failed, "failed requests, e.g. " + failures);
        }
    }

    /** Set while the driver offers load; static because the lambdas outlive no instance of interest. */
    private static volatile boolean running;

    interface Step {
        void run() throws Exception;
    }

    private static void timed(Phase p, Step step) throws Exception {
        long t = System.nanoTime();
        step.run();
        p.seconds = (System.nanoTime() - t) / 1e9;
    }

    /** Whether a backend or proof system from bundle {@code bsn} is registered (per {@code /api/v1/node}). */
    private boolean plugin(NodeProcess node, String bsn) {
        try {
            JsonObject n = JsonParser.parseString(send(node, "GET", "/api/v1/node", null, false).body())
                    .getAsJsonObject();
            for (String kind : List.of("backends", "proofSystems")) {
                for (var e : n.getAsJsonArray(kind)) {
                    var bundle = e.getAsJsonObject().get("bundle");
                    if (bundle != null && !bundle.isJsonNull() && bundle.getAsString().startsWith(bsn + " ")) {
                        return true;
                    }
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private static HttpResponse<String> send(NodeProcess node, String method, String path, byte[] body,
            boolean admin) throws Exception {
        return node.send(method, path, body, admin ? "ops:" + CREDENTIALS.get("HACA_ADMIN_PASSWORD") : null);
    }
}
