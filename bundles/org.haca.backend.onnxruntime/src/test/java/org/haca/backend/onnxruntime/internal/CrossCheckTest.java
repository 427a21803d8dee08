package org.haca.backend.onnxruntime.internal;

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
 * Runs the generated models on the same inputs with this backend (ONNX Runtime Java, in-process) and with
 * onnxruntime-node (crosscheck/run.mjs, a separate process and a different ORT build), writes both outputs as JSON under
 * target/crosscheck and requires them to agree to float tolerance and on every row's argmax.
 */
class CrossCheckTest {
    /** Float kernels may differ in summation order between builds; 784-term dot products stay well inside this. */
    private static final double ABS_TOL = 1e-4;
    private static final double REL_TOL = 1e-4;
    private static final Gson GSON = new GsonBuilder().create();

    @Test
    void onnxRuntimeJavaAgreesWithOnnxRuntimeNode() throws Exception {
        Path dir = Path.of("target/crosscheck");
        Files.createDirectories(dir);
        Map<String, byte[]> models = new LinkedHashMap<>();
        models.put("mlp.onnx", TestModels.mlp());
        models.put("cnn.onnx", TestModels.cnn());
        models.put("cnn-flatten.onnx", TestModels.cnnWithFlatten());

        OnnxRuntimeBackend backend = new OnnxRuntimeBackend();
        backend.start(new OnnxRuntimeBackend.Settings(1, 1 << 24, 5_000));
        JsonArray cases = new JsonArray();
        JsonObject javaOut = new JsonObject();
        try {
            for (Map.Entry<String, byte[]> m : models.entrySet()) {
                Files.write(dir.resolve(m.getKey()), m.getValue());
                for (int batch : new int[] {1, 8}) {
                    long[] shape = m.getKey().startsWith("mlp") ? new long[] {batch, 784}
                            : new long[] {batch, 1, 28, 28};
                    float[] x = TestModels.input(1000 + batch, batch * 784);
                    String id = m.getKey().replace(".onnx", "") + "-b" + batch;
                    Tensor input = Tensor.ofFloats(shape, x);
                    JsonObject c = new JsonObject();
                    c.addProperty("id", id);
                    c.addProperty("model", m.getKey());
                    JsonObject inputs = new JsonObject();
                    inputs.add(TestModels.INPUT, tensorJson(input));
                    c.add("inputs", inputs);
                    cases.add(c);
                    Tensor y = backend.infer(OnnxRuntimeBackendTest.source(m.getValue()),
                            Map.of(TestModels.INPUT, input)).get(TestModels.OUTPUT);
                    JsonObject outs = new JsonObject();
                    outs.add(TestModels.OUTPUT, tensorJson(y));
                    javaOut.add(id, outs);
                }
            }
        } finally {
            backend.deactivate();
        }
        Files.writeString(dir.resolve("cases.json"), GSON.toJson(cases));
        Files.writeString(dir.resolve("java-outputs.json"), GSON.toJson(javaOut));

        runNode(dir);
        JsonObject nodeOut = JsonParser.parseString(Files.readString(dir.resolve("node-outputs.json")))
                .getAsJsonObject();

        JsonObject summary = new JsonObject();
        double worst = 0;
        for (String id : javaOut.keySet()) {
            JsonObject j = javaOut.getAsJsonObject(id).getAsJsonObject(TestModels.OUTPUT);
            JsonObject n = nodeOut.getAsJsonObject(id).getAsJsonObject(TestModels.OUTPUT);
            assertArrayEquals(GSON.fromJson(j.get("shape"), long[].class), GSON.fromJson(n.get("shape"), long[].class),
                    id);
            double[] a = GSON.fromJson(j.get("data"), double[].class);
            double[] b = GSON.fromJson(n.get("data"), double[].class);
            assertEquals(a.length, b.length, id);
            double maxDiff = 0;
            for (int k = 0; k < a.length; k++) {
                double d = Math.abs(a[k] - b[k]);
                maxDiff = Math.max(maxDiff, d);
                assertTrue(d <= ABS_TOL + REL_TOL * Math.abs(b[k]), id + " element " + k + ": java " + a[k]
                        + " vs node " + b[k]);
            }
            for (int row = 0; row < a.length / 10; row++) {
                assertEquals(argmax(b, row * 10), argmax(a, row * 10), id + " row " + row + " argmax");
            }
            summary.addProperty(id, maxDiff);
            worst = Math.max(worst, maxDiff);
        }
        summary.addProperty("maxAbsDiff", worst);
        Files.writeString(dir.resolve("crosscheck-summary.json"), new GsonBuilder().setPrettyPrinting().create()
                .toJson(summary));
        System.out.println("cross-check ORT Java vs onnxruntime-node: " + summary);
    }

    private static void runNode(Path dir) throws IOException, InterruptedException {
        Path script = Path.of("crosscheck/run.mjs");
        assertTrue(Files.isDirectory(Path.of("crosscheck/node_modules/onnxruntime-node")),
                "crosscheck/node_modules is missing: the build runs 'npm ci --ignore-scripts' in crosscheck/");
        Process p = new ProcessBuilder("node", script.toString(), dir.toString()).redirectErrorStream(true).start();
        byte[] log = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "onnxruntime-node did not finish");
        assertEquals(0, p.exitValue(), "onnxruntime-node failed:\n" + new String(log, StandardCharsets.UTF_8));
    }

    private static JsonObject tensorJson(Tensor t) {
        JsonObject o = new JsonObject();
        o.add("shape", GSON.toJsonTree(t.shape()));
        JsonArray data = new JsonArray();
        for (float f : t.floats()) {
            data.add(f);
        }
        o.add("data", data);
        return o;
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
}
