package org.haca.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.haca.api.economics.EconomicsParameters;
import org.haca.chain.internal.Chain;
import org.haca.onnx.testmodels.TestModels;
import org.haca.chain.internal.core.Crypto;
import org.haca.chain.internal.core.Genesis;
import org.haca.chain.internal.core.Hex;
import org.haca.chain.internal.core.Tx;
import org.haca.chain.internal.store.MemoryStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Black-box chain tests against the node jar: kill -9 mid-stream loses no acknowledged tx and the state root equals a
 * fresh replay of the stored blocks; a VANILLA inference settles end to end with the supply invariant intact.
 */
class ChainNodeIT {
    static final String NET = "haca-dev";
    @TempDir
    Path dir;
    Process process;
    int httpPort;
    int rpcPort;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @AfterEach
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    static final String ADMIN_USER = "ops", ADMIN_PASSWORD = "chain-it-secret-password";

    void start() throws Exception {
        int[] ports = NodeProcess.freePorts(2);
        httpPort = ports[0];
        rpcPort = ports[1];
        ProcessBuilder pb = new ProcessBuilder(NodeProcess.javaBin(), "-jar", NodeProcess.JAR.toAbsolutePath().toString(),
                "--role", "dev-node", "--http-port", Integer.toString(httpPort), "--rpc-port", Integer.toString(rpcPort),
                "--data-dir", dir.resolve("data").toString(), "--plugins-dir", dir.resolve("plugins").toString())
                .directory(dir.toFile()).redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("node.log").toFile()));
        pb.environment().keySet().removeIf(k -> k.startsWith("HACA_"));
        pb.environment().put("HACA_ADMIN_USER", ADMIN_USER);
        pb.environment().put("HACA_ADMIN_PASSWORD", ADMIN_PASSWORD);
        process = pb.start();
        boolean up = NodeProcess.await(Duration.ofSeconds(90), () -> {
            try {
                return rpc("/status").has("result");
            } catch (Exception e) {
                return false;
            }
        });
        if (!up) {
            throw new AssertionError("node RPC did not come up:\n" + Files.readString(dir.resolve("node.log")));
        }
    }

    JsonObject rpc(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + rpcPort + pathAndQuery))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    JsonObject rest(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    JsonObject commit(byte[] tx) throws IOException, InterruptedException {
        return rpc("/broadcast_tx_commit?tx=0x" + Hex.encode(tx));
    }

    Crypto.KeyPair key(String name) throws IOException {
        return Crypto.KeyPair.fromPrivateKey(
                Hex.decode(Files.readString(dir.resolve("data/keys/" + name + ".key")).trim()));
    }

    @Test
    void killDashNineLosesNoAcknowledgedTxAndReplayGivesTheSameRoots() throws Exception {
        start();
        Crypto.KeyPair dev = key("dev-account");
        List<Crypto.KeyPair> senders = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Crypto.KeyPair k = Crypto.KeyPair.fromPrivateKey(Crypto.sha256(("sender" + i).getBytes()));
            senders.add(k);
            JsonObject r = commit(Tx.sign(NET, i, dev, new Tx.Transfer(k.address(), 1_000_000)).encoded());
            assertEquals(0, r.getAsJsonObject("result").getAsJsonObject("tx_result").get("code").getAsInt(), r.toString());
        }
        Map<String, Long> acked = new ConcurrentHashMap<>();
        AtomicBoolean go = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        for (Crypto.KeyPair s : senders) {
            Thread t = new Thread(() -> {
                long nonce = 0;
                while (go.get()) {
                    byte[] tx = Tx.sign(NET, nonce, s, new Tx.Transfer(dev.address(), 1)).encoded();
                    try {
                        JsonObject r = commit(tx).getAsJsonObject("result");
                        if (r != null && r.getAsJsonObject("tx_result").get("code").getAsInt() == 0) {
                            acked.put(r.get("hash").getAsString(), r.get("height").getAsLong());
                            nonce++;
                        }
                    } catch (Exception e) {
                        return; // node killed
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        Thread.sleep(3000);
        process.destroyForcibly(); // SIGKILL, mid-stream
        process.waitFor();
        go.set(false);
        for (Thread t : threads) {
            t.join(30_000);
        }
        assertTrue(acked.size() > 20, "streamed enough txs before the kill: " + acked.size());

        start();
        for (Map.Entry<String, Long> e : acked.entrySet()) {
            JsonObject r = rpc("/tx?hash=0x" + e.getKey());
            assertTrue(r.has("result"), "acknowledged tx " + e.getKey() + " lost: " + r);
            assertEquals(e.getValue(), r.getAsJsonObject("result").get("height").getAsLong());
        }

        // fresh replay of every stored block gives the same state roots and block hashes
        Crypto.KeyPair validator = key("validator");
        Genesis genesis = new Genesis(NET, Map.of(dev.addressHex(), 1_000_000_000_000L),
                List.of(validator.addressHex()),
                List.of(new Genesis.GenesisNode(key("inference-node").addressHex(), 1_000_000_000L, 7)),
                validator.addressHex());
        Chain replay = new Chain(new MemoryStore(), genesis, () -> EconomicsParameters.DEFAULTS, true);
        long height = Long.parseLong(rpc("/status").getAsJsonObject("result").getAsJsonObject("sync_info")
                .get("latest_block_height").getAsString());
        for (long h = 1; h <= height; h++) {
            JsonObject b = rpc("/block?height=" + h).getAsJsonObject("result");
            JsonObject header = b.getAsJsonObject("block").getAsJsonObject("header");
            List<byte[]> txs = new ArrayList<>();
            JsonArray arr = b.getAsJsonObject("block").getAsJsonObject("data").getAsJsonArray("txs");
            arr.forEach(t -> txs.add(Base64.getDecoder().decode(t.getAsString())));
            long time = Instant.parse(header.get("time").getAsString()).toEpochMilli();
            String root = replay.finalizeBlock(h, time, txs).stateRoot();
            replay.commit();
            assertEquals(header.get("app_hash").getAsString(), root.toUpperCase(), "state root at height " + h);
            assertEquals(b.getAsJsonObject("block_id").get("hash").getAsString(),
                    replay.block(h).orElseThrow().hash().toUpperCase(), "block hash at height " + h);
        }
    }

    static byte[] hashCommitment(org.haca.api.proof.Statement st) throws Exception {
        java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
        md.update("HACA-HASHCOMMIT/v1\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        for (String f : new String[] { st.networkId(), st.modelHash(), st.inputHash(), st.outputHash(), st.nonce(),
                Long.toString(st.timestampMillis()) }) {
            byte[] b = f.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            md.update(java.nio.ByteBuffer.allocate(4).putInt(b.length).array());
            md.update(b);
        }
        return md.digest();
    }

    JsonObject inference(String id) {
        try {
            return rest("/api/v1/inferences/" + id);
        } catch (Exception e) {
            return new JsonObject();
        }
    }

    /**
     * Proofs are verified asynchronously by the ProofSystem of their scheme: without one they wait with a visible reason,
     * also across a kill -9 and restart; a hot-deployed ProofSystem verifies them and the verdicts settle them.
     */
    @Test
    void proofsAreVerifiedAsynchronouslyAndSettled() throws Exception {
        Files.createDirectories(dir.resolve("plugins"));
        start();
        Crypto.KeyPair dev = key("dev-account");
        Crypto.KeyPair node = key("inference-node");
        long stakeBefore = rest("/api/v1/chain/accounts/" + node.addressHex()).get("staked").getAsLong();
        byte[] h = Crypto.sha256("m".getBytes());
        org.haca.api.proof.Statement st = new org.haca.api.proof.Statement(NET, Hex.encode(h), Hex.encode(h),
                Hex.encode(h), "0a0b", 1_700_000_000_000L);
        byte[] good = hashCommitment(st);
        byte[] bad = good.clone();
        bad[0] ^= 1;
        String scheme = "contrib.hashcommit.v1";
        long nonce = 0;
        for (String[] c : new String[][] { { "p-good", "g" }, { "p-bad", "b" } }) {
            byte[] proof = c[1].equals("g") ? good : bad;
            JsonObject r = commit(Tx.sign(NET, nonce++, dev, new Tx.SubmitResult(c[0], node.address(), h, h, h,
                    Tx.MODE_TEE, scheme, "0a0b", 1_700_000_000_000L, 100_000, Tx.PROOF_INLINE, proof)).encoded());
            assertEquals(0, r.getAsJsonObject("result").getAsJsonObject("tx_result").get("code").getAsInt(), r.toString());
        }
        // no ProofSystem for the scheme yet: pending, with the reason visible
        assertTrue(NodeProcess.await(Duration.ofSeconds(20), () -> inference("p-good").has("verification")
                && !inference("p-good").get("verification").isJsonNull()), inference("p-good").toString());
        assertEquals("pending", inference("p-good").get("status").getAsString());
        assertTrue(inference("p-good").get("verification").getAsString().contains("no ProofSystem registered"));
        // kill -9 and restart: the verifier picks the still-pending results up again from the stored blocks
        process.destroyForcibly();
        process.waitFor();
        start();
        assertTrue(NodeProcess.await(Duration.ofSeconds(20), () -> inference("p-bad").has("verification")
                && !inference("p-bad").get("verification").isJsonNull()), inference("p-bad").toString());
        // hot-deploy the ProofSystem: the waiting proofs are verified and verdicts settle them
        Path plugin = Path.of(System.getProperty("haca.test.plugins", "target/test-plugins"),
                "org.haca.contrib.hashcommit.jar");
        Files.copy(plugin, dir.resolve("plugins/org.haca.contrib.hashcommit.jar"));
        assertTrue(NodeProcess.await(Duration.ofSeconds(40), () -> inference("p-good").has("settled")
                && inference("p-good").get("settled").getAsBoolean() && inference("p-bad").get("settled").getAsBoolean()),
                inference("p-good") + " " + inference("p-bad"));
        JsonObject ok = inference("p-good");
        assertEquals("verified", ok.get("status").getAsString());
        assertEquals(90_000, ok.get("paidToNode").getAsLong());
        assertEquals(5_000, ok.get("burned").getAsLong());
        JsonObject rejected = inference("p-bad");
        assertEquals("rejected", rejected.get("status").getAsString());
        assertTrue(rejected.get("reason").getAsString().contains("commitment does not match"), rejected.toString());
        long stakeAfter = rest("/api/v1/chain/accounts/" + node.addressHex()).get("staked").getAsLong();
        assertEquals(stakeBefore - stakeBefore / 10, stakeAfter, "10% slashed");
        JsonObject s = rest("/api/v1/chain/supply");
        assertEquals(0, s.get("escrowed").getAsLong());
        assertEquals(s.get("total").getAsLong(), s.get("circulating").getAsLong() + s.get("staked").getAsLong()
                + s.get("escrowed").getAsLong() + s.get("burned").getAsLong());
    }

    /** The whole path: POST /infer on a dev node pays from the dev account, and the result settles on chain. */
    @Test
    void inferOnADevNodeSubmitsAndSettlesOnChain() throws Exception {
        start();
        infer("VANILLA", "settled");
    }

    /** TEE mode in dev: the simulated enclave proves, the verifier checks it with the simulator and pays the node. */
    @Test
    void teeInferenceIsVerifiedAsynchronouslyAndPaid() throws Exception {
        start();
        JsonObject settled = infer("TEE", "verified");
        assertEquals("tee.simulated.v1", settled.get("scheme").getAsString());
        // the operator's view of the same lifecycle, scraped from /metrics
        // (counters are bumped just after the block is visible to queries: wait for them rather than race)
        String[] scraped = {""};
        NodeProcess.await(Duration.ofSeconds(10), () -> {
            try {
                scraped[0] = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/metrics"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
            } catch (Exception e) {
                return false;
            }
            return scraped[0].contains("haca_fees_paid_tokens_total 900\n");
        });
        String metrics = scraped[0];
        String labels = "\\{model=\"[0-9a-f]{64}\",mode=\"TEE\",backend=\"onnxruntime\",outcome=\"ok\"\\}";
        assertTrue(metrics.matches("(?s).*haca_inference_requests_total" + labels + " 1\n.*"), metrics);
        assertTrue(metrics.matches("(?s).*haca_inference_seconds_count" + labels + " 1\n.*"), metrics);
        assertTrue(metrics.contains("haca_proof_generation_seconds_count{scheme=\"tee.simulated.v1\"} 1\n"), metrics);
        assertTrue(metrics.contains("haca_fees_paid_tokens_total 900\n"), metrics);
        assertTrue(metrics.contains("haca_burned_tokens_total 50\n"), metrics);
        assertTrue(metrics.contains("haca_verdicts_total{scheme=\"tee.simulated.v1\",valid=\"true\"} 1\n"), metrics);
        assertTrue(metrics.matches("(?s).*haca_chain_txs_total\\{result=\"ok\"\\} [1-9][0-9]*\n.*"), metrics);
    }

    private JsonObject infer(String mode, String finalStatus) throws Exception {
        return infer(mode, finalStatus, TestModels.mlp(), 784).getAsJsonObject("settled");
    }

    /** Uploads the model, infers on a seeded input, waits for settlement: {response, settled}. */
    private JsonObject infer(String mode, String finalStatus, byte[] mlp, int width) throws Exception {
        HttpResponse<String> up = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort
                + "/api/v1/models?name=mlp")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (ADMIN_USER + ":" + ADMIN_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(mlp)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, up.statusCode(), up.body());
        String model = JsonParser.parseString(up.body()).getAsJsonObject().get("id").getAsString();
        JsonObject input = new JsonObject();
        JsonArray shape = new JsonArray();
        shape.add(1);
        shape.add(width);
        JsonArray data = new JsonArray();
        for (float f : TestModels.input(5, width)) {
            data.add(f);
        }
        input.add("shape", shape);
        input.add("data", data);
        JsonObject inputs = new JsonObject();
        inputs.add(TestModels.INPUT, input);
        JsonObject body = new JsonObject();
        body.addProperty("model", model);
        body.addProperty("mode", mode);
        body.add("input", inputs);
        Crypto.KeyPair dev = key("dev-account");
        long devBefore = rest("/api/v1/chain/accounts/" + dev.addressHex()).get("balance").getAsLong();
        HttpResponse<String> inf = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort
                + "/api/v1/infer")).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, inf.statusCode(), inf.body());
        JsonObject r = JsonParser.parseString(inf.body()).getAsJsonObject();
        String requestId = r.get("requestId").getAsString();
        String tx = r.get("tx").getAsString();
        assertEquals(64, tx.length(), r.toString());
        assertTrue(NodeProcess.await(Duration.ofSeconds(20), () -> {
            try {
                return rpc("/tx?hash=0x" + tx).has("result");
            } catch (Exception e) {
                return false;
            }
        }), "SubmitResult tx committed");
        String status = inference(requestId).get("status").getAsString();
        assertTrue(status.equals("pending") || status.equals(finalStatus), status);
        assertEquals(devBefore - 1_000, rest("/api/v1/chain/accounts/" + dev.addressHex()).get("balance").getAsLong(),
                "the dev account paid the default fee");
        assertTrue(NodeProcess.await(Duration.ofSeconds(40), () -> inference(requestId).has("settled")
                && inference(requestId).get("settled").getAsBoolean()), inference(requestId).toString());
        JsonObject settled = inference(requestId);
        assertEquals(finalStatus, settled.get("status").getAsString(), settled.toString());
        assertEquals(900, settled.get("paidToNode").getAsLong());
        assertEquals(50, settled.get("burned").getAsLong());
        JsonObject both = new JsonObject();
        both.add("response", r);
        both.add("settled", settled);
        return both;
    }

    /**
     * ZKML end to end on a dev node: the integer backend runs a small MLP, the ZK bundle proves it (dev setup, labelled
     * INSECURE), the verifier checks the Groth16 proof against the statement and the result is paid; the response's
     * snarkjs parts and the published verification key verify with {@code snarkjs groth16 verify} alone;
     * {@code /proofs/verify} accepts the same proof unbound and rejects a changed public signal.
     */
    @Test
    void zkmlInferenceIsProvedVerifiedBySnarkjsAndSettled() throws Exception {
        start();
        byte[] model = TestModels.mlp(5, 8, 4, 3);
        JsonObject both = infer("ZKML", "verified", model, 8);
        JsonObject r = both.getAsJsonObject("response");
        assertEquals("quant", r.get("backend").getAsString(), r.toString());
        JsonObject proof = r.getAsJsonObject("proof");
        assertEquals("zk.groth16.bn254.v1", proof.get("scheme").getAsString());
        assertEquals("dev-insecure", proof.getAsJsonObject("attributes").get("setup").getAsString());
        assertEquals("zk.groth16.bn254.v1", both.getAsJsonObject("settled").get("scheme").getAsString());

        String id = org.haca.api.model.CanonicalHash.ofBytes(model);
        HttpResponse<String> vk = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort
                + "/api/v1/models/" + id + "/verification_key.json")).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, vk.statusCode(), vk.body());
        Path snarkjs = Path.of(System.getProperty("haca.snarkjs",
                "../bundles/org.haca.proof.zk/crosscheck/node_modules/.bin/snarkjs")).toAbsolutePath();
        assertTrue(Files.isExecutable(snarkjs), "snarkjs is installed by org.haca.proof.zk's build: " + snarkjs);
        Files.writeString(dir.resolve("verification_key.json"), vk.body());
        Files.writeString(dir.resolve("proof.json"), proof.get("proof").toString());
        Files.writeString(dir.resolve("public.json"), proof.get("public").toString());
        Process p = new ProcessBuilder(snarkjs.toString(), "groth16", "verify", "verification_key.json", "public.json",
                "proof.json").directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("OK"), out);

        JsonObject check = new JsonObject();
        check.addProperty("scheme", "zk.groth16.bn254.v1");
        JsonObject parts = new JsonObject();
        parts.add("verification_key", JsonParser.parseString(vk.body()));
        parts.add("proof", proof.get("proof"));
        parts.add("public", proof.get("public"));
        check.add("proof", parts);
        assertTrue(verify(check).get("valid").getAsBoolean());
        JsonArray pub = parts.getAsJsonArray("public");
        pub.set(0, new com.google.gson.JsonPrimitive(pub.get(0).getAsString().equals("1") ? "2" : "1"));
        JsonObject bad = verify(check);
        assertEquals(false, bad.get("valid").getAsBoolean(), bad.toString());
    }

    private JsonObject verify(JsonObject body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort
                + "/api/v1/proofs/verify")).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    private static int run(Path cwd, Path log, long timeoutSeconds, String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!p.waitFor(timeoutSeconds, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    /**
     * The real {@code @cosmjs/tendermint-rpc} Comet38Client (pinned in src/test/cosmjs) decodes every method's answer.
     * Skipped where node/npm or the npm registry are not available.
     */
    @Test
    void cosmjsClientReadsBlocksAndBroadcastsTxs() throws Exception {
        Path js = dir.resolve("cosmjs");
        Files.createDirectories(js);
        for (String f : List.of("package.json", "package-lock.json", "check.mjs")) {
            Files.copy(Path.of("src/test/cosmjs", f), js.resolve(f));
        }
        Path log = dir.resolve("cosmjs.log");
        int npm;
        try {
            npm = run(js, log, 240, "npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund");
        } catch (IOException e) {
            npm = -1;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(npm == 0, "npm ci unavailable: " + Files.readString(log));
        start();
        Crypto.KeyPair dev = key("dev-account");
        String tx1 = Hex.encode(Tx.sign(NET, 0, dev, new Tx.Transfer(java.util.Arrays.copyOf(Crypto.sha256("a".getBytes()), 20), 5)).encoded());
        String tx2 = Hex.encode(Tx.sign(NET, 1, dev, new Tx.Transfer(new byte[20], 7)).encoded());
        int rc = run(js, log, 120, "node", "check.mjs", "http://127.0.0.1:" + rpcPort, tx1, tx2);
        assertEquals(0, rc, Files.readString(log));
        assertTrue(Files.readString(log).contains("cosmjs ok"), Files.readString(log));
    }

    @Test
    void vanillaInferenceSettlesEndToEnd() throws Exception {
        start();
        Crypto.KeyPair dev = key("dev-account");
        Crypto.KeyPair node = key("inference-node");
        Crypto.KeyPair validator = key("validator");
        JsonObject before = rest("/api/v1/chain/supply");
        byte[] h = Crypto.sha256("x".getBytes());
        byte[] tx = Tx.sign(NET, 0, dev, new Tx.SubmitResult("req-e2e-1", node.address(), h, h, h, Tx.MODE_VANILLA, "",
                "00", 1L, 1_000_000, Tx.PROOF_NONE, new byte[0])).encoded();
        JsonObject r = commit(tx).getAsJsonObject("result");
        assertEquals(0, r.getAsJsonObject("tx_result").get("code").getAsInt(), r.toString());
        assertEquals("pending", rest("/api/v1/inferences/req-e2e-1").get("status").getAsString());
        assertEquals(1_000_000, rest("/api/v1/chain/supply").get("escrowed").getAsLong());
        // the challenge window (10 blocks by default) passes on empty blocks
        assertTrue(NodeProcess.await(Duration.ofSeconds(40), () -> {
            try {
                return rest("/api/v1/inferences/req-e2e-1").get("settled").getAsBoolean();
            } catch (Exception e) {
                return false;
            }
        }), "VANILLA result settled");
        JsonObject inf = rest("/api/v1/inferences/req-e2e-1");
        assertEquals("settled", inf.get("status").getAsString());
        assertEquals(900_000, inf.get("paidToNode").getAsLong());
        assertEquals(50_000, inf.get("burned").getAsLong());
        assertEquals(900_000, rest("/api/v1/chain/accounts/" + node.addressHex()).get("balance").getAsLong());
        assertEquals(50_000, rest("/api/v1/chain/accounts/" + validator.addressHex()).get("balance").getAsLong());
        JsonObject s = rest("/api/v1/chain/supply");
        assertEquals(before.get("total").getAsLong(), s.get("total").getAsLong());
        assertEquals(50_000, s.get("burned").getAsLong());
        assertEquals(0, s.get("escrowed").getAsLong());
        assertEquals(s.get("total").getAsLong(), s.get("circulating").getAsLong() + s.get("staked").getAsLong()
                + s.get("escrowed").getAsLong() + s.get("burned").getAsLong());
    }
}
