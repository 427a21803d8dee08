package org.haca.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.haca.api.model.CanonicalHash;
import org.haca.onnx.testmodels.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Swaps under load, as DESIGN.md §2 describes a swap: client threads call {@code /api/v1/infer} pinned to the
 * {@code quant} backend (bit-exact, so every answer must equal the pre-swap output hash) while the test
 * <ol>
 * <li>installs a second build of the backend ("next": its own symbolic name and component name, {@code
 * service.ranking} 10) through the plugins directory: traffic moves to it;</li>
 * <li>removes it again (a roll-back: it drains and is uninstalled, traffic returns to the original);</li>
 * <li>while one more client verifies a valid {@code contrib.hashcommit.v1} proof through
 * {@code /api/v1/proofs/verify}: installs a second build of that proof bundle beside the first (ranking 10), removes
 * the first, then rolls back (first build in again, second removed).</li>
 * </ol>
 * Every inference answer must be 200 with the baseline output hash, every verification 200 with valid=true. Latency per phase is printed for docs/benchmarks.md.
 */
class HotSwapIT {
    private static final Path PLUGINS = Path.of(System.getProperty("haca.test.plugins", "target/test-plugins"));
    private static final Map<String, String> CREDENTIALS = Map.of("HACA_ADMIN_USER", "ops",
            "HACA_ADMIN_PASSWORD", "hot-swap-it-secret-password");
    private static final int CLIENTS = 4;
    private static final String NEXT_BSN = "org.haca.backend.quant.next";
    private static final String PROOF_BSN = "org.haca.contrib.hashcommit";
    private static final String PROOF_NEXT_BSN = "org.haca.contrib.hashcommit.next";
    private static final String SCHEME = "contrib.hashcommit.v1";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * A bundle re-labelled as a second, independently installable build: its own symbolic name, its DS component
     * renamed (SCR refuses a second component of the same name) and {@code service.ranking} 10, so consumers prefer
     * it while both are installed.
     */
    static Path nextBuild(Path jar, Path out, String bsn, String component) throws IOException {
        String descriptor = "OSGI-INF/" + component + ".xml";
        try (JarFile in = new JarFile(jar.toFile());
                JarOutputStream jo = new JarOutputStream(Files.newOutputStream(out), relabel(in.getManifest(), bsn))) {
            for (JarEntry e : Collections.list(in.entries())) {
                if (e.getName().equalsIgnoreCase("META-INF/MANIFEST.MF")) {
                    continue;
                }
                jo.putNextEntry(new JarEntry(e.getName()));
                try (InputStream is = in.getInputStream(e)) {
                    byte[] b = is.readAllBytes();
                    if (e.getName().equals(descriptor)) {
                        String xml = new String(b, StandardCharsets.UTF_8)
                                .replace("name=\"" + component + "\"", "name=\"" + component + ".next\"")
                                .replace("<service>", "<property name=\"service.ranking\" type=\"Integer\" value=\"10\"/>"
                                        + "\n  <service>");
                        b = xml.getBytes(StandardCharsets.UTF_8);
                    }
                    jo.write(b);
                }
                jo.closeEntry();
            }
        }
        return out;
    }

    private static Manifest relabel(Manifest m, String bsn) {
        Manifest copy = new Manifest(m);
        Attributes a = copy.getMainAttributes();
        a.putValue("Bundle-SymbolicName", bsn);
        a.putValue("Bundle-Version", "0.1.1");
        return copy;
    }

    private HttpResponse<String> send(NodeProcess node, String method, String path, byte[] body, boolean admin)
            throws IOException, InterruptedException {
        return node.send(method, path, body, admin ? "ops:" + CREDENTIALS.get("HACA_ADMIN_PASSWORD") : null);
    }

    /** An inference of the MLP on a fixed input, pinned to the bit-exact quant backend. */
    static byte[] inferBody(String model, String mode) {
        JsonObject input = new JsonObject();
        JsonArray shape = new JsonArray();
        shape.add(1);
        shape.add(784);
        JsonArray data = new JsonArray();
        for (float f : TestModels.input(7, 784)) {
            data.add(f);
        }
        input.add("shape", shape);
        input.add("data", data);
        JsonObject inputs = new JsonObject();
        inputs.add(TestModels.INPUT, input);
        JsonObject body = new JsonObject();
        body.addProperty("model", model);
        body.addProperty("mode", mode);
        body.addProperty("backend", "quant");
        body.add("input", inputs);
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private JsonObject node(NodeProcess node) {
        try {
            return JsonParser.parseString(send(node, "GET", "/api/v1/node", null, false).body()).getAsJsonObject();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean backendFrom(NodeProcess node, String bsn) {
        for (JsonElement e : node(node).getAsJsonArray("backends")) {
            JsonElement bundle = e.getAsJsonObject().get("bundle");
            if (bundle != null && !bundle.isJsonNull() && bundle.getAsString().startsWith(bsn + " ")) {
                return true;
            }
        }
        return false;
    }

    /** Whether a proof system of {@link #SCHEME} from bundle {@code bsn} is registered. */
    private boolean proofFrom(NodeProcess node, String bsn) {
        for (JsonElement e : node(node).getAsJsonArray("proofSystems")) {
            JsonObject o = e.getAsJsonObject();
            JsonElement bundle = o.get("bundle");
            if (SCHEME.equals(o.get("scheme").getAsString()) && bundle != null && !bundle.isJsonNull()
                    && bundle.getAsString().startsWith(bsn + " ")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A valid contrib.hashcommit.v1 proof request: the commitment is SHA-256 over a domain tag and the
     * length-prefixed statement fields (computed here independently of the plugin's code).
     */
    static byte[] verifyBody() throws Exception {
        String[] fields = {"haca-dev", "aa", "bb", "cc", "01", "1700000000000"};
        java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
        md.update("HACA-HASHCOMMIT/v1\0".getBytes(StandardCharsets.US_ASCII));
        for (String f : fields) {
            byte[] b = f.getBytes(StandardCharsets.UTF_8);
            md.update(java.nio.ByteBuffer.allocate(4).putInt(b.length).array());
            md.update(b);
        }
        JsonObject st = new JsonObject();
        st.addProperty("networkId", fields[0]);
        st.addProperty("modelHash", fields[1]);
        st.addProperty("inputHash", fields[2]);
        st.addProperty("outputHash", fields[3]);
        st.addProperty("nonce", fields[4]);
        st.addProperty("timestampMillis", Long.parseLong(fields[5]));
        JsonObject o = new JsonObject();
        o.addProperty("scheme", SCHEME);
        o.addProperty("proof", Base64.getEncoder().encodeToString(md.digest()));
        o.add("statement", st);
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Latencies (µs) of one phase of the run. */
    record Phase(String name, List<Long> micros) {
        String summary(double seconds) {
            List<Long> s = new ArrayList<>(micros);
            Collections.sort(s);
            if (s.isEmpty()) {
                return name + ": no requests";
            }
            return String.format("%s: %d req in %.1f s = %.0f req/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms", name,
                    s.size(), seconds, s.size() / seconds, s.get(s.size() / 2) / 1000.0,
                    s.get(Math.min(s.size() - 1, (int) (s.size() * 0.99))) / 1000.0, s.get(s.size() - 1) / 1000.0);
        }
    }

    @Test
    void backendAndProofBundleSwapUnderLoadWithoutAFailedRequest() throws Exception {
        Path next = nextBuild(PLUGINS.resolve("org.haca.backend.quant.jar"), dir.resolve("quant-next.jar"), NEXT_BSN,
                "org.haca.backend.quant.internal.QuantBackend");
        Path proof = PLUGINS.resolve("org.haca.contrib.hashcommit.jar");
        Path proofNext = nextBuild(proof, dir.resolve("hashcommit-next.jar"), PROOF_NEXT_BSN,
                "org.haca.contrib.hashcommit.internal.HashCommitProofSystem");
        Path nodeDir = Files.createDirectories(dir.resolve("node"));
        try (NodeProcess node = NodeProcess.start(nodeDir, CREDENTIALS, "--role", "dev-node")) {
            node.awaitReady(Duration.ofSeconds(90));
            Path plugins = nodeDir.resolve("plugins");
            byte[] mlp = TestModels.mlp();
            String id = CanonicalHash.ofBytes(mlp);
            HttpResponse<String> up = send(node, "POST", "/api/v1/models?name=mlp", mlp, true);
            assertEquals(201, up.statusCode(), up.body());
            byte[] body = inferBody(id, "VANILLA");
            HttpResponse<String> first = send(node, "POST", "/api/v1/infer", body, false);
            assertEquals(200, first.statusCode(), first.body());
            String expected = JsonParser.parseString(first.body()).getAsJsonObject().get("outputHash").getAsString();

            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong ok = new AtomicLong();
            Map<String, Long> failures = new ConcurrentHashMap<>();
            List<String> failureSamples = Collections.synchronizedList(new ArrayList<>());
            Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
            AtomicReference<String> phase = new AtomicReference<>("warm-up");
            // the proof system starts as the plain contrib build; a verify client checks a valid proof throughout
            Files.copy(proof, plugins.resolve("hashcommit.jar"));
            assertTrue(NodeProcess.await(Duration.ofSeconds(20), () -> proofFrom(node, PROOF_BSN)));
            byte[] verify = verifyBody();
            HttpResponse<String> firstVerdict = send(node, "POST", "/api/v1/proofs/verify", verify, false);
            assertEquals(200, firstVerdict.statusCode(), firstVerdict.body());
            assertTrue(JsonParser.parseString(firstVerdict.body()).getAsJsonObject().get("valid").getAsBoolean(),
                    firstVerdict.body());

            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c <= CLIENTS; c++) {
                boolean verifier = c == CLIENTS; // CLIENTS inference clients and one verification client
                String kind = verifier ? "verify" : "infer";
                Thread t = new Thread(() -> {
                    while (running.get()) {
                        String p = kind + " " + phase.get();
                        long t0 = System.nanoTime();
                        String problem;
                        try {
                            HttpResponse<String> r = verifier
                                    ? send(node, "POST", "/api/v1/proofs/verify", verify, false)
                                    : send(node, "POST", "/api/v1/infer", body, false);
                            JsonObject o = r.statusCode() == 200 ? JsonParser.parseString(r.body()).getAsJsonObject()
                                    : null;
                            problem = o == null ? "status " + r.statusCode() + ": " + r.body()
                                    : verifier ? (o.get("valid").getAsBoolean() ? null : "invalid " + r.body())
                                    : o.get("outputHash").getAsString().equals(expected) ? null
                                    : "wrong output " + r.body();
                        } catch (IOException | InterruptedException | RuntimeException e) {
                            problem = "exception " + e;
                        }
                        long us = (System.nanoTime() - t0) / 1000;
                        if (problem == null) {
                            ok.incrementAndGet();
                            latencies.computeIfAbsent(p, k -> Collections.synchronizedList(new ArrayList<>())).add(us);
                        } else {
                            failures.merge(p, 1L, Long::sum);
                            if (failureSamples.size() < 5) {
                                failureSamples.add(p + ": " + problem);
                            }
                        }
                    }
                }, kind + "-client-" + c);
                t.start();
                clients.add(t);
            }
            Map<String, Double> seconds = new java.util.LinkedHashMap<>();
            long t = System.nanoTime();
            Thread.sleep(4_000); // JIT warm-up: otherwise "before" is slower than "after" for reasons of its own
            seconds.put("warm-up", (System.nanoTime() - t) / 1e9);
            phase.set("before");
            t = System.nanoTime();
            Thread.sleep(4_000);
            seconds.put("before", (System.nanoTime() - t) / 1e9);

            phase.set("swap");
            t = System.nanoTime();
            Files.copy(next, plugins.resolve("quant-next.jar"));
            assertTrue(NodeProcess.await(Duration.ofSeconds(20), () -> backendFrom(node, NEXT_BSN)),
                    "next backend did not register:\n" + node.output());
            Thread.sleep(2_000); // traffic on the new build
            Files.delete(plugins.resolve("quant-next.jar")); // roll back: it drains, traffic returns
            assertTrue(NodeProcess.await(Duration.ofSeconds(20), () -> !backendFrom(node, NEXT_BSN)),
                    "next backend was not removed:\n" + node.output());
            // proof system: the next build beside the old one, the old one removed, then rolled back
            Files.copy(proofNext, plugins.resolve("hashcommit-next.jar"));
            assertTrue(NodeProcess.await(Duration.ofSeconds(20), () -> proofFrom(node, PROOF_NEXT_BSN)));
            Files.delete(plugins.resolve("hashcommit.jar"));
            assertTrue(NodeProcess.await(Duration.ofSeconds(20), () -> !proofFrom(node, PROOF_BSN)));
            Thread.sleep(1_000); // verification on the new build alone
            Files.copy(proof, plugins.resolve("hashcommit.jar"));
            assertTrue(NodeProcess.await(Duration.ofSeconds(20), () -> proofFrom(node, PROOF_BSN)));
            Files.delete(plugins.resolve("hashcommit-next.jar"));
            assertTrue(NodeProcess.await(Duration.ofSeconds(20), () -> !proofFrom(node, PROOF_NEXT_BSN)));
            seconds.put("swap", (System.nanoTime() - t) / 1e9);

            phase.set("after");
            t = System.nanoTime();
            Thread.sleep(4_000);
            seconds.put("after", (System.nanoTime() - t) / 1e9);
            running.set(false);
            for (Thread c : clients) {
                c.join(30_000);
            }
            for (String kind : List.of("infer", "verify")) {
                for (Map.Entry<String, Double> e : seconds.entrySet()) {
                    String key = kind + " " + e.getKey();
                    System.out.println("[HotSwapIT] " + new Phase(key, latencies.getOrDefault(key, List.of()))
                            .summary(e.getValue()) + ", failed " + failures.getOrDefault(key, 0L));
                }
            }
            assertTrue(ok.get() > 100, "too few requests to mean anything: " + ok.get());
            assertTrue(failures.isEmpty(), "failed requests " + failures + ", e.g. " + failureSamples);
            assertTrue(node.output().contains("plugin quant-next.jar WARNING: DEV MODE"), node.output());
        }
    }
}
