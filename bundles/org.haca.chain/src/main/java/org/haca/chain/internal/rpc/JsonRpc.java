package org.haca.chain.internal.rpc;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.haca.api.chain.Block;
import org.haca.api.chain.ChainQuery;
import org.haca.api.chain.ConsensusEngine;
import org.haca.api.chain.TxResult;
import org.haca.api.economics.Ledger;
import org.haca.chain.internal.core.Crypto;
import org.haca.chain.internal.core.Hex;
import org.haca.chain.internal.core.Merkle;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * CometBFT-compatible JSON-RPC subset ({@code status, block, blockchain, broadcast_tx_sync, broadcast_tx_commit, tx,
 * abci_query}) in CometBFT 0.38 JSON shapes: heights and int64 as strings, hashes as upper-case hex, txs and
 * query values as base64, times RFC 3339. Served both as JSON-RPC 2.0 POST and as URI GET ({@code /status},
 * {@code /block?height=5}, {@code /broadcast_tx_sync?tx=0x...}).
 *
 * <p>abci_query paths: {@code /account/<0xaddr>}, {@code /supply}, {@code /inference/<requestId>} (JSON values),
 * {@code /store} with {@code data} = a raw state key (raw value).
 */
public final class JsonRpc {
    static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();
    static final String CHANNELS = "40202122233038606100";

    public interface Node {
        String network();

        String validatorAddressHex();

        byte[] validatorPublicKey();

        byte[] rawState(byte[] key);

        String appHashAtHead();
    }

    private final ChainQuery query;
    private final Ledger ledger;
    private final Supplier<ConsensusEngine> engine;
    private final Node node;
    private final long commitTimeoutMs;

    public JsonRpc(ChainQuery query, Ledger ledger, Supplier<ConsensusEngine> engine, Node node, long commitTimeoutMs) {
        this.query = query;
        this.ledger = ledger;
        this.engine = engine;
        this.node = node;
        this.commitTimeoutMs = commitTimeoutMs;
    }

    static final class RpcError extends Exception {
        private static final long serialVersionUID = 1L;
        final int code;
        final String data;

        RpcError(int code, String message, String data) {
            super(message, null, false, false);
            this.code = code;
            this.data = data;
        }
    }

    static RpcError invalidParams(String data) {
        return new RpcError(-32602, "Invalid params", data);
    }

    MiniHttpServer.Response handle(MiniHttpServer.Request r) {
        if ("OPTIONS".equals(r.method())) {
            return new MiniHttpServer.Response(200, "text/plain", new byte[0]);
        }
        if ("POST".equals(r.method())) {
            JsonElement id = new JsonPrimitive(-1);
            JsonObject req;
            try {
                req = JsonParser.parseString(new String(r.body(), StandardCharsets.UTF_8)).getAsJsonObject();
            } catch (RuntimeException e) {
                return json(200, error(JsonNull.INSTANCE, new RpcError(-32700, "Parse error", "invalid JSON")));
            }
            if (req.has("id")) {
                id = req.get("id");
            }
            String method = req.has("method") && req.get("method").isJsonPrimitive() ? req.get("method").getAsString()
                    : "";
            Map<String, JsonElement> params = new HashMap<>();
            if (req.has("params") && req.get("params").isJsonObject()) {
                req.getAsJsonObject("params").entrySet().forEach(e -> params.put(e.getKey(), e.getValue()));
            }
            return json(200, call(id, method, Params.ofJson(params)));
        }
        if ("GET".equals(r.method())) {
            String target = r.target();
            int q = target.indexOf('?');
            String path = q < 0 ? target : target.substring(0, q);
            Map<String, String> params = new HashMap<>();
            if (q >= 0) {
                for (String kv : target.substring(q + 1).split("&")) {
                    int e = kv.indexOf('=');
                    if (e > 0) {
                        params.put(URLDecoder.decode(kv.substring(0, e), StandardCharsets.UTF_8),
                                URLDecoder.decode(kv.substring(e + 1), StandardCharsets.UTF_8));
                    }
                }
            }
            String method = path.startsWith("/") ? path.substring(1) : path;
            if (method.isEmpty()) {
                JsonObject o = new JsonObject();
                JsonArray a = new JsonArray();
                List.of("status", "block", "blockchain", "broadcast_tx_sync", "broadcast_tx_commit", "tx",
                        "abci_query").forEach(a::add);
                o.add("methods", a);
                return json(200, o);
            }
            return json(200, call(new JsonPrimitive(-1), method, Params.ofUri(params)));
        }
        return new MiniHttpServer.Response(405, "text/plain", "GET or POST".getBytes());
    }

    private static MiniHttpServer.Response json(int status, JsonElement body) {
        return new MiniHttpServer.Response(status, "application/json", GSON.toJson(body).getBytes(StandardCharsets.UTF_8));
    }

    JsonObject call(JsonElement id, String method, Params p) {
        try {
            JsonElement result = switch (method) {
                case "status" -> status();
                case "block" -> block(p);
                case "blockchain" -> blockchain(p);
                case "broadcast_tx_sync" -> broadcastSync(p);
                case "broadcast_tx_commit" -> broadcastCommit(p);
                case "tx" -> tx(p);
                case "abci_query" -> abciQuery(p);
                default -> throw new RpcError(-32601, "Method not found", method);
            };
            JsonObject o = envelope(id);
            o.add("result", result);
            return o;
        } catch (RpcError e) {
            return error(id, e);
        } catch (RuntimeException e) {
            return error(id, new RpcError(-32603, "Internal error", String.valueOf(e.getMessage())));
        }
    }

    private static JsonObject envelope(JsonElement id) {
        JsonObject o = new JsonObject();
        o.addProperty("jsonrpc", "2.0");
        o.add("id", id);
        return o;
    }

    private static JsonObject error(JsonElement id, RpcError e) {
        JsonObject o = envelope(id);
        JsonObject err = new JsonObject();
        err.addProperty("code", e.code);
        err.addProperty("message", e.getMessage());
        err.addProperty("data", e.data);
        o.add("error", err);
        return o;
    }

    // ------------------------------------------------------------------ methods

    private JsonObject status() {
        long h = query.height();
        Optional<Block> head = query.block(h);
        Optional<Block> first = query.block(1);
        JsonObject nodeInfo = new JsonObject();
        JsonObject pv = new JsonObject();
        pv.addProperty("p2p", "8");
        pv.addProperty("block", "11");
        pv.addProperty("app", "1");
        nodeInfo.add("protocol_version", pv);
        nodeInfo.addProperty("id", node.validatorAddressHex().substring(2));
        nodeInfo.addProperty("listen_addr", "none (single validator, no p2p)"); // cosmjs requires non-empty
        nodeInfo.addProperty("network", node.network());
        nodeInfo.addProperty("version", "0.38.0-haca");
        nodeInfo.addProperty("channels", CHANNELS);
        nodeInfo.addProperty("moniker", "haca-node");
        JsonObject other = new JsonObject();
        other.addProperty("tx_index", "on");
        other.addProperty("rpc_address", "");
        nodeInfo.add("other", other);
        JsonObject sync = new JsonObject();
        sync.addProperty("latest_block_hash", head.map(b -> up(b.hash())).orElse("0".repeat(64)));
        sync.addProperty("latest_app_hash", up(node.appHashAtHead()));
        sync.addProperty("latest_block_height", Long.toString(h));
        sync.addProperty("latest_block_time", time(head.map(Block::time).orElse(0L)));
        sync.addProperty("earliest_block_hash", first.map(b -> up(b.hash())).orElse(""));
        sync.addProperty("earliest_app_hash", first.map(b -> up(b.stateRoot())).orElse(""));
        sync.addProperty("earliest_block_height", first.isPresent() ? "1" : "0");
        sync.addProperty("earliest_block_time", time(first.map(Block::time).orElse(0L)));
        sync.addProperty("catching_up", false);
        JsonObject val = new JsonObject();
        val.addProperty("address", up(node.validatorAddressHex().substring(2)));
        JsonObject pk = new JsonObject();
        pk.addProperty("type", "tendermint/PubKeySecp256k1");
        pk.addProperty("value", Base64.getEncoder().encodeToString(node.validatorPublicKey()));
        val.add("pub_key", pk);
        val.addProperty("voting_power", "1");
        JsonObject o = new JsonObject();
        o.add("node_info", nodeInfo);
        o.add("sync_info", sync);
        o.add("validator_info", val);
        return o;
    }

    private Block blockAt(Params p) throws RpcError {
        long latest = query.height();
        long h = p.optLong("height", latest);
        if (h <= 0 || h > latest) {
            throw invalidParams("height " + h + " must be less than or equal to the current blockchain height "
                    + latest);
        }
        return query.block(h).orElseThrow(() -> invalidParams("block " + h + " is not stored"));
    }

    private JsonObject block(Params p) throws RpcError {
        Block b = blockAt(p);
        JsonObject o = new JsonObject();
        o.add("block_id", blockId(b.hash()));
        JsonObject block = new JsonObject();
        block.add("header", header(b));
        JsonObject data = new JsonObject();
        JsonArray txs = new JsonArray();
        for (byte[] tx : b.txs()) {
            txs.add(Base64.getEncoder().encodeToString(tx));
        }
        data.add("txs", txs);
        block.add("data", data);
        JsonObject ev = new JsonObject();
        ev.add("evidence", new JsonArray());
        block.add("evidence", ev);
        JsonObject lc = new JsonObject();
        lc.addProperty("height", Long.toString(b.height() - 1));
        lc.addProperty("round", 0);
        lc.add("block_id", blockId(b.height() > 1 ? b.previousHash() : ""));
        lc.add("signatures", new JsonArray());
        block.add("last_commit", lc);
        o.add("block", block);
        return o;
    }

    private JsonObject blockId(String hash) {
        JsonObject id = new JsonObject();
        id.addProperty("hash", up(hash));
        JsonObject parts = new JsonObject();
        parts.addProperty("total", hash.isEmpty() ? 0 : 1);
        parts.addProperty("hash", up(hash));
        id.add("parts", parts);
        return id;
    }

    private JsonObject header(Block b) {
        JsonObject h = new JsonObject();
        JsonObject v = new JsonObject();
        v.addProperty("block", "11");
        v.addProperty("app", "1");
        h.add("version", v);
        h.addProperty("chain_id", node.network());
        h.addProperty("height", Long.toString(b.height()));
        h.addProperty("time", time(b.time()));
        h.add("last_block_id", blockId(b.height() > 1 ? b.previousHash() : ""));
        String empty = up(Hex.encode(Merkle.root(List.of())));
        h.addProperty("last_commit_hash", empty);
        h.addProperty("data_hash", up(b.txRoot()));
        String vals = up(Hex.encode(Crypto.sha256(node.validatorPublicKey())));
        h.addProperty("validators_hash", vals);
        h.addProperty("next_validators_hash", vals);
        h.addProperty("consensus_hash", empty);
        // the app hash here is the state after this block (CometBFT carries it one block later)
        h.addProperty("app_hash", up(b.stateRoot()));
        h.addProperty("last_results_hash", empty);
        h.addProperty("evidence_hash", empty);
        h.addProperty("proposer_address", up(node.validatorAddressHex().substring(2)));
        return h;
    }

    private JsonObject blockchain(Params p) throws RpcError {
        long latest = query.height();
        long max = Math.min(p.optLong("maxHeight", latest), latest);
        long min = Math.max(p.optLong("minHeight", 1), Math.max(1, max - 19));
        if (min > max && latest > 0) {
            throw invalidParams("min height " + min + " can't be greater than max height " + max);
        }
        JsonArray metas = new JsonArray();
        for (long h = max; h >= min && h >= 1; h--) {
            Optional<Block> ob = query.block(h);
            if (ob.isEmpty()) {
                continue;
            }
            Block b = ob.get();
            JsonObject m = new JsonObject();
            m.add("block_id", blockId(b.hash()));
            long size = b.txs().stream().mapToLong(t -> t.length).sum();
            m.addProperty("block_size", Long.toString(size));
            m.add("header", header(b));
            m.addProperty("num_txs", Integer.toString(b.txs().size()));
            metas.add(m);
        }
        JsonObject o = new JsonObject();
        o.addProperty("last_height", Long.toString(latest));
        o.add("block_metas", metas);
        return o;
    }

    private ConsensusEngine engine() throws RpcError {
        ConsensusEngine e = engine.get();
        if (e == null) {
            throw new RpcError(-32603, "Internal error", "no consensus engine is running");
        }
        return e;
    }

    private JsonObject broadcastSync(Params p) throws RpcError {
        byte[] tx = p.bytes("tx");
        java.util.concurrent.CompletableFuture<TxResult> f = engine().submit(tx).toCompletableFuture();
        TxResult admitted = f.isDone() && !f.isCompletedExceptionally() ? f.join() : null;
        JsonObject o = new JsonObject();
        int code = admitted != null && !admitted.ok() ? admitted.code() : 0;
        o.addProperty("code", code);
        o.addProperty("data", "");
        o.addProperty("log", admitted != null && !admitted.ok() ? admitted.log() : "");
        o.addProperty("codespace", code == 0 ? "" : "haca");
        o.addProperty("hash", up(Hex.encode(Crypto.sha256(tx))));
        return o;
    }

    private JsonObject broadcastCommit(Params p) throws RpcError {
        byte[] tx = p.bytes("tx");
        String hash = up(Hex.encode(Crypto.sha256(tx)));
        java.util.concurrent.CompletableFuture<TxResult> f = engine().submit(tx).toCompletableFuture();
        JsonObject o = new JsonObject();
        o.addProperty("hash", hash);
        if (f.isDone() && !f.isCompletedExceptionally() && !f.join().ok() && f.join().height() == 0) {
            o.add("check_tx", result(f.join()));
            o.add("tx_result", result(null));
            o.addProperty("height", "0");
            return o;
        }
        TxResult r;
        try {
            r = f.get(commitTimeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new RpcError(-32603, "Internal error", "timed out waiting for tx to be included in a block");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcError(-32603, "Internal error", "interrupted");
        } catch (ExecutionException | CompletionException e) {
            throw new RpcError(-32603, "Internal error", String.valueOf(e.getCause().getMessage()));
        }
        o.add("check_tx", result(null));
        o.add("tx_result", result(r));
        o.addProperty("height", Long.toString(r.height()));
        return o;
    }

    private static JsonObject result(TxResult r) {
        JsonObject o = new JsonObject();
        o.addProperty("code", r == null ? 0 : r.code());
        o.add("data", JsonNull.INSTANCE);
        o.addProperty("log", r == null ? "" : r.log());
        o.addProperty("info", "");
        o.addProperty("gas_wanted", "0");
        o.addProperty("gas_used", "0");
        o.add("events", new JsonArray());
        o.addProperty("codespace", r == null || r.ok() ? "" : "haca");
        return o;
    }

    private JsonObject tx(Params p) throws RpcError {
        byte[] hash = p.bytes("hash");
        ChainQuery.TxRecord rec = query.tx(Hex.encode(hash))
                .orElseThrow(() -> new RpcError(-32603, "Internal error", "tx (" + up(Hex.encode(hash)) + ") not found"));
        JsonObject o = new JsonObject();
        o.addProperty("hash", up(rec.txHash()));
        o.addProperty("height", Long.toString(rec.height()));
        o.addProperty("index", rec.index());
        o.add("tx_result", result(rec.result()));
        o.addProperty("tx", Base64.getEncoder().encodeToString(rec.tx()));
        return o;
    }

    private JsonObject abciQuery(Params p) throws RpcError {
        String path = p.optString("path", "");
        byte[] data = p.has("data") ? p.hexOrString("data") : new byte[0];
        byte[] value = null;
        byte[] key = data;
        int code = 0;
        String log = "";
        if (path.startsWith("/account/")) {
            value = ledger.account(path.substring(9)).map(a -> GSON.toJson(a).getBytes(StandardCharsets.UTF_8))
                    .orElse(null);
        } else if (path.equals("/supply")) {
            value = GSON.toJson(ledger.supply()).getBytes(StandardCharsets.UTF_8);
        } else if (path.startsWith("/inference/")) {
            value = ledger.inference(path.substring(11)).map(i -> GSON.toJson(i).getBytes(StandardCharsets.UTF_8))
                    .orElse(null);
        } else if (path.equals("/store") || path.isEmpty()) {
            value = data.length == 0 ? null : node.rawState(data);
        } else {
            code = 1;
            log = "unknown query path " + path + " (known: /account/<addr>, /supply, /inference/<id>, /store)";
        }
        if (code == 0 && value == null) {
            log = "does not exist";
        }
        JsonObject resp = new JsonObject();
        resp.addProperty("code", code);
        resp.addProperty("log", log);
        resp.addProperty("info", "");
        resp.addProperty("index", "0");
        resp.add("key", key.length == 0 ? JsonNull.INSTANCE : new JsonPrimitive(Base64.getEncoder().encodeToString(key)));
        resp.add("value",
                value == null ? JsonNull.INSTANCE : new JsonPrimitive(Base64.getEncoder().encodeToString(value)));
        resp.add("proofOps", JsonNull.INSTANCE);
        resp.addProperty("height", Long.toString(query.height()));
        resp.addProperty("codespace", "");
        JsonObject o = new JsonObject();
        o.add("response", resp);
        return o;
    }

    private static String up(String hex) {
        return hex.toUpperCase(Locale.ROOT);
    }

    private static final java.time.format.DateTimeFormatter RFC3339_NANOS = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(java.time.ZoneOffset.UTC);

    /** RFC 3339 with nanoseconds in UTC, as CometBFT prints times. */
    static String time(long millis) {
        return RFC3339_NANOS.format(Instant.ofEpochMilli(millis));
    }

    /** Parameters from JSON-RPC (bytes as base64, except abci_query data as hex) or URI (0x-hex or quoted strings). */
    static final class Params {
        private final Map<String, String> values;
        private final boolean json;

        private Params(Map<String, String> values, boolean json) {
            this.values = values;
            this.json = json;
        }

        static Params ofJson(Map<String, JsonElement> m) {
            Map<String, String> v = new HashMap<>();
            m.forEach((k, e) -> {
                if (e != null && !e.isJsonNull()) {
                    v.put(k, e.isJsonPrimitive() ? e.getAsString() : e.toString());
                }
            });
            return new Params(v, true);
        }

        static Params ofUri(Map<String, String> m) {
            return new Params(m, false);
        }

        boolean has(String k) {
            return values.containsKey(k) && !values.get(k).isEmpty();
        }

        long optLong(String k, long def) throws RpcError {
            String v = values.get(k);
            if (v == null || v.isEmpty() || v.equals("0") && k.equals("height")) {
                return def;
            }
            try {
                return Long.parseLong(unquote(v));
            } catch (NumberFormatException e) {
                throw invalidParams(k + " must be an integer");
            }
        }

        String optString(String k, String def) {
            String v = values.get(k);
            return v == null ? def : unquote(v);
        }

        /** tx and hash: base64 in JSON-RPC; in URIs 0x-hex or a quoted string. */
        byte[] bytes(String k) throws RpcError {
            String v = values.get(k);
            if (v == null || v.isEmpty()) {
                throw invalidParams("missing " + k);
            }
            try {
                if (json) {
                    return Base64.getDecoder().decode(v);
                }
                return uriBytes(v);
            } catch (IllegalArgumentException e) {
                throw invalidParams(k + " is not valid " + (json ? "base64" : "0x-hex or a quoted string"));
            }
        }

        /** abci_query data: hex in both forms (as CometBFT's HexBytes). */
        byte[] hexOrString(String k) throws RpcError {
            String v = values.get(k);
            try {
                return json ? Hex.decode(v) : uriBytes(v);
            } catch (IllegalArgumentException e) {
                throw invalidParams(k + " is not valid hex");
            }
        }

        private static byte[] uriBytes(String v) {
            if (v.startsWith("0x") || v.startsWith("0X")) {
                return Hex.decode(v);
            }
            if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                return v.substring(1, v.length() - 1).getBytes(StandardCharsets.UTF_8);
            }
            return Hex.decode(v);
        }

        private static String unquote(String v) {
            return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
        }
    }
}
