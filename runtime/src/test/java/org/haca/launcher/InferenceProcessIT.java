package org.haca.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import org.haca.api.model.CanonicalHash;
import org.haca.onnx.testmodels.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Black-box REST test of the inference layer on an inference-node (real Jetty, real bundles from the node jar):
 * upload, idempotent re-upload, VANILLA inference at batch > 1, 501 for an unprovable mode, 4xx for bad input and
 * bad models, delete.
 */
class InferenceProcessIT {
    private static final Map<String, String> OPS_CREDENTIALS = Map.of("HACA_ADMIN_USER", "ops",
            "HACA_ADMIN_PASSWORD", "inference-it-secret-password");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private HttpResponse<String> send(NodeProcess node, String method, String path, byte[] body)
            throws IOException, InterruptedException {
        return send(node, method, path, body, true);
    }

    private HttpResponse<String> send(NodeProcess node, String method, String path, byte[] body, boolean asAdmin)
            throws IOException, InterruptedException {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + node.httpPort + path))
                .timeout(Duration.ofSeconds(30)).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (asAdmin) {
            r.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (OPS_CREDENTIALS.get("HACA_ADMIN_USER") + ":" + OPS_CREDENTIALS.get("HACA_ADMIN_PASSWORD"))
                            .getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> r) {
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    private static byte[] inferBody(String model, String mode, int batch) {
        JsonObject input = new JsonObject();
        JsonArray shape = new JsonArray();
        shape.add(batch);
        shape.add(784);
        JsonArray data = new JsonArray();
        for (float f : TestModels.input(5, batch * 784)) {
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
        return body.toString().getBytes();
    }

    @Test
    void inferenceNodeServesUploadedModelsOverRest() throws Exception {
        try (NodeProcess node = NodeProcess.start(dir, OPS_CREDENTIALS, "--role", "inference-node")) {
            node.awaitReady(Duration.ofSeconds(60));
            byte[] mlp = TestModels.mlp();
            String id = CanonicalHash.ofBytes(mlp);

            assertEquals(401, send(node, "POST", "/api/v1/models", mlp, false).statusCode(), "upload is admin only");
            HttpResponse<String> up = send(node, "POST", "/api/v1/models?name=mnist-mlp", mlp);
            assertEquals(201, up.statusCode(), up.body());
            assertEquals(id, json(up).get("id").getAsString());
            assertEquals(mlp.length, json(up).get("size").getAsLong());
            assertEquals(200, send(node, "POST", "/api/v1/models?name=again", mlp).statusCode(), "idempotent");
            assertEquals(1, json(send(node, "GET", "/api/v1/models", null)).getAsJsonArray("models").size());

            // inference itself is open to any caller
            HttpResponse<String> inf = send(node, "POST", "/api/v1/infer", inferBody(id, "VANILLA", 3), false);
            assertEquals(200, inf.statusCode(), inf.body());
            JsonObject r = json(inf);
            assertEquals("onnxruntime", r.get("backend").getAsString());
            assertEquals(id, r.get("modelHash").getAsString());
            JsonObject logits = r.getAsJsonObject("output").getAsJsonObject(TestModels.OUTPUT);
            assertEquals("[3,10]", logits.get("shape").toString());
            assertTrue(r.get("proof").isJsonNull());
            assertEquals(64, r.get("inputHash").getAsString().length());

            // the deterministic integer backend on request: same names and shape, within the documented
            // quantization error of the float result, and the same output hash on every call
            byte[] quantBody = new String(inferBody(id, "VANILLA", 3)).replace("\"mode\":\"VANILLA\"",
                    "\"mode\":\"VANILLA\",\"backend\":\"quant\"").getBytes();
            HttpResponse<String> q1 = send(node, "POST", "/api/v1/infer", quantBody, false);
            assertEquals(200, q1.statusCode(), q1.body());
            JsonObject qr = json(q1);
            assertEquals("quant", qr.get("backend").getAsString());
            JsonObject qLogits = qr.getAsJsonObject("output").getAsJsonObject(TestModels.OUTPUT);
            assertEquals("[3,10]", qLogits.get("shape").toString());
            JsonArray fd = logits.getAsJsonArray("data");
            JsonArray qd = qLogits.getAsJsonArray("data");
            for (int k = 0; k < fd.size(); k++) {
                assertTrue(Math.abs(fd.get(k).getAsDouble() - qd.get(k).getAsDouble()) < 0.2, "logit " + k);
            }
            assertEquals(qr.get("outputHash").getAsString(),
                    json(send(node, "POST", "/api/v1/infer", quantBody, false)).get("outputHash").getAsString());

            HttpResponse<String> tee = send(node, "POST", "/api/v1/infer", inferBody(id, "TEE", 1));
            assertEquals(501, tee.statusCode(), tee.body());
            assertEquals("not_implemented", json(tee).get("error").getAsString());

            byte[] wrongShape = new String(inferBody(id, "VANILLA", 1)).replace("[1,784]", "[1,783]").getBytes();
            HttpResponse<String> bad = send(node, "POST", "/api/v1/infer", wrongShape);
            assertEquals(400, bad.statusCode(), bad.body());
            assertTrue(json(bad).get("message").getAsString().contains("784"), bad.body());

            HttpResponse<String> junk = send(node, "POST", "/api/v1/models", "not a model".getBytes());
            assertEquals(400, junk.statusCode());
            assertEquals("malformed_model", json(junk).get("error").getAsString());
            HttpResponse<String> truncated = send(node, "POST", "/api/v1/models",
                    Arrays.copyOf(TestModels.cnn(), 5000));
            assertEquals(400, truncated.statusCode());

            assertEquals(204, send(node, "DELETE", "/api/v1/models/" + id, null).statusCode());
            HttpResponse<String> gone = send(node, "POST", "/api/v1/infer", inferBody(id, "VANILLA", 1));
            assertEquals(404, gone.statusCode(), gone.body());
            assertEquals(0, json(send(node, "GET", "/api/v1/models", null)).getAsJsonArray("models").size());
            // SIGTERM drains the engine and closes the ORT sessions; the launcher then reports a clean stop
            node.terminate(Duration.ofSeconds(30));
            assertTrue(node.output().contains("[haca] node stopped"), node.output());
            assertTrue(!node.output().contains("Exception"), node.output());
        }
    }
}
