package org.haca.chain.internal.rpc;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.haca.api.chain.Block;
import org.haca.api.chain.ConsensusEngine;
import org.haca.api.chain.TxResult;
import org.haca.api.economics.EconomicsParameters;
import org.haca.chain.internal.Chain;
import org.haca.chain.internal.core.Crypto;
import org.haca.chain.internal.core.Genesis;
import org.haca.chain.internal.core.Hex;
import org.haca.chain.internal.core.Tx;
import org.haca.chain.internal.store.MemoryStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class JsonRpcTest {
    static final String NET = "rpc-test";
    final Crypto.KeyPair user = Crypto.KeyPair.fromPrivateKey(Crypto.sha256("u".getBytes()));
    final Crypto.KeyPair val = Crypto.KeyPair.fromPrivateKey(Crypto.sha256("v".getBytes()));
    Chain chain;
    MiniHttpServer server;
    final HttpClient http = HttpClient.newHttpClient();

    /** Commits every admitted tx in its own block at once. */
    final class InstantEngine implements ConsensusEngine {
        long time = 1_700_000_000_000L;

        public String engineId() {
            return "instant";
        }

        public long height() {
            return chain.height();
        }

        public synchronized CompletionStage<TxResult> submit(byte[] tx) {
            TxResult c = chain.checkTx(tx);
            if (!c.ok()) {
                return CompletableFuture.completedFuture(c);
            }
            var out = chain.finalizeBlock(chain.height() + 1, time += 1000, List.of(tx));
            chain.commit();
            return CompletableFuture.completedFuture(out.results().get(0));
        }

        public Optional<Block> block(long h) {
            return chain.block(h);
        }
    }

    @BeforeEach
    void start() throws Exception {
        chain = new Chain(new MemoryStore(), new Genesis(NET, Map.of(user.addressHex(), 1000L),
                List.of(val.addressHex()), List.of(), val.addressHex()), () -> EconomicsParameters.DEFAULTS, true);
        JsonRpc.Node node = new JsonRpc.Node() {
            public String network() {
                return NET;
            }

            public String validatorAddressHex() {
                return val.addressHex();
            }

            public byte[] validatorPublicKey() {
                return val.publicKey();
            }

            public byte[] rawState(byte[] key) {
                return chain.rawState(key);
            }

            public String appHashAtHead() {
                return chain.lastCommitted().stateRoot();
            }
        };
        ConsensusEngine engine = new InstantEngine();
        server = new MiniHttpServer("127.0.0.1", 0, 2, new JsonRpc(chain, chain, () -> engine, node, 5000)::handle);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    JsonObject get(String path) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    JsonObject post(String method, String params) throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"" + method + "\",\"params\":" + params + "}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        JsonObject o = JsonParser.parseString(r.body()).getAsJsonObject();
        assertEquals(7, o.get("id").getAsInt());
        return o;
    }

    @Test
    void broadcastCommitThenReadBackThroughEveryMethod() throws Exception {
        byte[] tx = Tx.sign(NET, 0, user, new Tx.Transfer(val.address(), 10)).encoded();
        String b64 = Base64.getEncoder().encodeToString(tx);
        JsonObject commit = post("broadcast_tx_commit", "{\"tx\":\"" + b64 + "\"}").getAsJsonObject("result");
        assertEquals(0, commit.getAsJsonObject("check_tx").get("code").getAsInt());
        assertEquals(0, commit.getAsJsonObject("tx_result").get("code").getAsInt());
        assertEquals("1", commit.get("height").getAsString());
        String hash = Hex.encode(Crypto.sha256(tx)).toUpperCase();
        assertEquals(hash, commit.get("hash").getAsString());

        JsonObject status = get("/status").getAsJsonObject("result");
        // fields cosmjs' comet38 decoder requires to be non-empty
        for (String f : List.of("id", "listen_addr", "network", "moniker")) {
            assertFalse(status.getAsJsonObject("node_info").get(f).getAsString().isEmpty(), f);
        }
        assertTrue(status.getAsJsonObject("sync_info").get("latest_block_time").getAsString()
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z"));
        assertEquals("1", status.getAsJsonObject("sync_info").get("latest_block_height").getAsString());
        assertEquals(NET, status.getAsJsonObject("node_info").get("network").getAsString());
        assertEquals(chain.lastCommitted().stateRoot().toUpperCase(),
                status.getAsJsonObject("sync_info").get("latest_app_hash").getAsString());

        JsonObject block = post("block", "{\"height\":\"1\"}").getAsJsonObject("result");
        assertEquals(b64, block.getAsJsonObject("block").getAsJsonObject("data").getAsJsonArray("txs").get(0)
                .getAsString());
        assertEquals("1", block.getAsJsonObject("block").getAsJsonObject("header").get("height").getAsString());
        assertEquals(chain.block(1).orElseThrow().hash().toUpperCase(),
                block.getAsJsonObject("block_id").get("hash").getAsString());

        JsonObject txr = get("/tx?hash=0x" + hash).getAsJsonObject("result");
        assertEquals("1", txr.get("height").getAsString());
        assertEquals(b64, txr.get("tx").getAsString());
        JsonObject txPost = post("tx", "{\"hash\":\"" + Base64.getEncoder().encodeToString(Crypto.sha256(tx)) + "\"}");
        assertEquals("1", txPost.getAsJsonObject("result").get("height").getAsString());

        JsonObject chainInfo = get("/blockchain?minHeight=1&maxHeight=1").getAsJsonObject("result");
        assertEquals("1", chainInfo.get("last_height").getAsString());
        assertEquals(1, chainInfo.getAsJsonArray("block_metas").size());

        JsonObject q = post("abci_query", "{\"path\":\"/account/" + val.addressHex() + "\"}").getAsJsonObject("result")
                .getAsJsonObject("response");
        String value = new String(Base64.getDecoder().decode(q.get("value").getAsString()));
        assertEquals(10, JsonParser.parseString(value).getAsJsonObject().get("balance").getAsLong());
    }

    @Test
    void statusBeforeTheFirstBlockIsStillDecodable() throws Exception {
        JsonObject sync = get("/status").getAsJsonObject("result").getAsJsonObject("sync_info");
        assertEquals("0", sync.get("latest_block_height").getAsString());
        assertEquals(64, sync.get("latest_block_hash").getAsString().length());
    }

    @Test
    void errorsUseJsonRpcShapes() throws Exception {
        assertEquals(-32601, post("nope", "{}").getAsJsonObject("error").get("code").getAsInt());
        assertEquals(-32602, post("block", "{\"height\":\"99\"}").getAsJsonObject("error").get("code").getAsInt());
        assertEquals(-32602, post("broadcast_tx_sync", "{\"tx\":\"***\"}").getAsJsonObject("error").get("code")
                .getAsInt());
        // a bad tx is answered with its CheckTx code and log, and is not included
        byte[] bad = Tx.sign(NET, 5, user, new Tx.Transfer(val.address(), 10)).encoded();
        JsonObject sync = post("broadcast_tx_sync", "{\"tx\":\"" + Base64.getEncoder().encodeToString(bad) + "\"}")
                .getAsJsonObject("result");
        assertNotEquals(0, sync.get("code").getAsInt());
        assertTrue(sync.get("log").getAsString().contains("nonce"));
        assertEquals(0, chain.height());
        assertTrue(get("/tx?hash=0x" + "00".repeat(32)).has("error"));
    }
}
