package org.haca.backend.quant.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.haca.api.model.Tensor;
import org.haca.onnx.testmodels.TestModels;
import org.junit.jupiter.api.Test;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The integer backend against an independent float executor: onnxruntime-node (crosscheck/run.mjs, a separate process)
 * runs the float models on the same inputs; the quant backend's dequantized outputs must stay within the documented
 * quantization error (docs/quantization.md: |err| < 5 % of the largest |logit| + 0.05) and agree on argmax, where a
 * disagreement is only allowed on a near tie (top-2 gap of the float output below twice that bound) and on at most
 * 5 % of the rows. Writes target/crosscheck/quant-summary.json.
 */
class CrossCheckTest {
    private static final Gson GSON = new GsonBuilder().create();
    private static final int ROWS = 32;

    @Test
    void quantWithinQuantizationErrorOfOnnxRuntimeNode() throws Exception {
        Path dir = Path.of("target/crosscheck");
        Files.createDirectories(dir);
        Map<String, byte[]> models = new LinkedHashMap<>();
        models.put("mlp.onnx", TestModels.mlp());
        models.put("cnn.onnx", TestModels.cnn());
        models.put("cnn-flatten.onnx", TestModels.cnnWithFlatten());
        QuantBackend backend = QuantBackend.standalone(1);
        JsonArray cases = new JsonArray();
        Map<String, float[]> quantOut = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> m : models.entrySet()) {
            Files.write(dir.resolve(m.getKey()), m.getValue());
            long[] shape = m.getKey().startsWith("mlp") ? new long[] {ROWS, 784} : new long[] {ROWS, 1, 28, 28};
            Tensor input = Tensor.ofFloats(shape, TestModels.input(2000 + m.getKey().length(), ROWS * 784));
            String id = m.getKey().replace(".onnx", "");
            JsonObject c = new JsonObject();
            c.addProperty("id", id);
            c.addProperty("model", m.getKey());
            JsonObject inputs = new JsonObject();
            JsonObject t = new JsonObject();
            t.add("shape", GSON.toJsonTree(shape));
            JsonArray data = new JsonArray();
            for (float f : input.floats()) {
                data.add(f);
            }
            t.add("data", data);
            inputs.add(TestModels.INPUT, t);
            c.add("inputs", inputs);
            cases.add(c);
            Tensor y = backend.infer(TestSupport.source(m.getValue()), Map.of(TestModels.INPUT, input)).get(TestModels.OUTPUT);
            assertArrayEquals(new long[] {ROWS, 10}, y.shape());
            quantOut.put(id, y.floats());
        }
        Files.writeString(dir.resolve("cases.json"), GSON.toJson(cases));
        runNode(dir);
        JsonObject nodeOut = JsonParser.parseString(Files.readString(dir.resolve("node-outputs.json"))).getAsJsonObject();

        JsonObject summary = new JsonObject();
        for (Map.Entry<String, float[]> e : quantOut.entrySet()) {
            JsonObject n = nodeOut.getAsJsonObject(e.getKey()).getAsJsonObject(TestModels.OUTPUT);
            assertArrayEquals(new long[] {ROWS, 10}, GSON.fromJson(n.get("shape"), long[].class), e.getKey());
            double[] ref = GSON.fromJson(n.get("data"), double[].class);
            float[] q = e.getValue();
            double maxLogit = 0;
            double maxErr = 0;
            for (int k = 0; k < ref.length; k++) {
                maxLogit = Math.max(maxLogit, Math.abs(ref[k]));
                maxErr = Math.max(maxErr, Math.abs(ref[k] - q[k]));
            }
            double bound = 0.05 * maxLogit + 0.05;
            assertTrue(maxErr < bound, e.getKey() + ": max error " + maxErr + " over the documented bound " + bound);
            int agree = 0;
            for (int row = 0; row < ROWS; row++) {
                int a = argmax(ref, row * 10);
                int b = argmax(q, row * 10);
                if (a == b) {
                    agree++;
                } else {
                    double gap = ref[row * 10 + a] - ref[row * 10 + b];
                    assertTrue(gap < 2 * bound, e.getKey() + " row " + row + ": argmax " + b + " vs " + a + " with gap " + gap);
                }
            }
            assertTrue(agree >= ROWS * 0.95, e.getKey() + ": argmax agreement " + agree + "/" + ROWS);
            JsonObject s = new JsonObject();
            s.addProperty("maxAbsError", maxErr);
            s.addProperty("maxAbsLogit", maxLogit);
            s.addProperty("argmaxAgreement", agree + "/" + ROWS);
            summary.add(e.getKey(), s);
        }
        Files.writeString(dir.resolve("quant-summary.json"), new GsonBuilder().setPrettyPrinting().create().toJson(summary));
        System.out.println("cross-check quant vs onnxruntime-node: " + summary);
    }

    private static void runNode(Path dir) throws IOException, InterruptedException {
        assertTrue(Files.isDirectory(Path.of("crosscheck/node_modules/onnxruntime-node")),
                "crosscheck/node_modules is missing: the build runs 'npm ci --ignore-scripts' in crosscheck/");
        Process p = new ProcessBuilder("node", "crosscheck/run.mjs", dir.toString()).redirectErrorStream(true).start();
        byte[] log = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "onnxruntime-node did not finish");
        assertEquals(0, p.exitValue(), "onnxruntime-node failed:\n" + new String(log, StandardCharsets.UTF_8));
    }

    private static int argmax(double[] v, int from) {
        int best = from;
        for (int k = from; k < from + 10; k++) {
            if (v[k] > v[best]) {
                best = k;
            }
        }
        return best - from;
    }

    private static int argmax(float[] v, int from) {
        int best = from;
        for (int k = from; k < from + 10; k++) {
            if (v[k] > v[best]) {
                best = k;
            }
        }
        return best - from;
    }
}
