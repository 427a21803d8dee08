package org.haca.web.internal;

import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.haca.api.model.DType;
import org.haca.api.model.ModelDescriptor;
import org.haca.api.model.Tensor;
import org.haca.api.model.TensorSpec;
import org.haca.api.proof.Proof;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * JSON forms of the REST API's values. Tensors are {@code {"shape":[1,784], "data":[...], "dtype":"FLOAT32"}}: data is
 * row-major and may be flat or nested; dtype is optional on input (FLOAT32) and always present on output.
 */
final class TensorJson {

    private TensorJson() {
    }

    /** Parses {@code {name: tensor, ...}}; every problem is a 400 naming the input. */
    static Map<String, Tensor> parseTensors(JsonElement json) throws ApiException {
        if (json == null || !json.isJsonObject()) {
            throw ApiException.badRequest("'input' must be an object of named tensors, e.g. "
                    + "{\"input\": {\"shape\": [1, 784], \"data\": [...]}}");
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : json.getAsJsonObject().entrySet()) {
            out.put(e.getKey(), parseTensor(e.getKey(), e.getValue()));
        }
        return out;
    }

    static Tensor parseTensor(String name, JsonElement json) throws ApiException {
        if (!json.isJsonObject()) {
            throw bad(name, "must be an object with 'shape' and 'data'");
        }
        JsonObject o = json.getAsJsonObject();
        DType dtype = dtype(name, o.get("dtype"));
        long[] shape = shape(name, o.get("shape"));
        long count;
        try {
            count = Tensor.elementCount(shape);
        } catch (ArithmeticException e) {
            throw bad(name, "shape " + Arrays.toString(shape) + " is too large");
        }
        JsonElement data = o.get("data");
        if (data == null || !data.isJsonArray()) {
            throw bad(name, "'data' must be an array of numbers");
        }
        // sized by the data actually sent (bounded by the body limit), never by the claimed shape
        Numbers numbers = new Numbers();
        flatten(name, data.getAsJsonArray(), numbers, 0);
        int n = numbers.size;
        double[] values = numbers.values;
        if (n != count) {
            throw bad(name, "shape " + Arrays.toString(shape) + " needs " + count + " values, got " + n);
        }
        return switch (dtype) {
            case FLOAT32 -> {
                float[] f = new float[n];
                for (int k = 0; k < n; k++) {
                    f[k] = (float) values[k];
                }
                yield Tensor.ofFloats(shape, f);
            }
            case INT64 -> {
                long[] l = new long[n];
                for (int k = 0; k < n; k++) {
                    l[k] = integral(name, values[k], Long.MIN_VALUE, Long.MAX_VALUE);
                }
                yield Tensor.ofLongs(shape, l);
            }
            case INT32 -> {
                int[] i = new int[n];
                for (int k = 0; k < n; k++) {
                    i[k] = (int) integral(name, values[k], Integer.MIN_VALUE, Integer.MAX_VALUE);
                }
                yield Tensor.ofInts(shape, i);
            }
            case INT8 -> {
                byte[] b = new byte[n];
                for (int k = 0; k < n; k++) {
                    b[k] = (byte) integral(name, values[k], Byte.MIN_VALUE, Byte.MAX_VALUE);
                }
                yield Tensor.ofInt8(shape, b);
            }
        };
    }

    /** Growable list of the numbers in 'data'. */
    private static final class Numbers {
        double[] values = new double[1024];
        int size;

        void add(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }
    }

    /** Copies numbers depth-first (nested arrays are row-major order). */
    private static void flatten(String name, JsonArray array, Numbers into, int depth) throws ApiException {
        if (depth > 16) {
            throw bad(name, "'data' is nested deeper than 16 levels");
        }
        for (JsonElement e : array) {
            if (e.isJsonArray()) {
                flatten(name, e.getAsJsonArray(), into, depth + 1);
            } else if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
                into.add(e.getAsDouble());
            } else {
                throw bad(name, "'data' holds " + (e.isJsonNull() ? "null" : e.toString()) + ", which is not a number");
            }
        }
    }

    private static long integral(String name, double v, long min, long max) throws ApiException {
        if (v != Math.rint(v) || v < min || v > max) {
            throw bad(name, "value " + v + " is not an integer in [" + min + ", " + max + "]");
        }
        return (long) v;
    }

    private static DType dtype(String name, JsonElement json) throws ApiException {
        if (json == null || json.isJsonNull()) {
            return DType.FLOAT32;
        }
        try {
            return DType.valueOf(json.getAsString().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | UnsupportedOperationException | IllegalStateException e) {
            throw bad(name, "unknown dtype " + json + "; one of " + Arrays.toString(DType.values()));
        }
    }

    private static long[] shape(String name, JsonElement json) throws ApiException {
        if (json == null || !json.isJsonArray()) {
            throw bad(name, "'shape' must be an array of dimensions");
        }
        JsonArray a = json.getAsJsonArray();
        if (a.size() > 16) {
            throw bad(name, "rank " + a.size() + " is more than 16");
        }
        long[] shape = new long[a.size()];
        for (int k = 0; k < shape.length; k++) {
            JsonElement d = a.get(k);
            if (!d.isJsonPrimitive() || !d.getAsJsonPrimitive().isNumber()) {
                throw bad(name, "'shape' holds " + d + ", which is not a dimension");
            }
            double v = d.getAsDouble();
            if (v != Math.rint(v) || v < 0 || v > Integer.MAX_VALUE) {
                throw bad(name, "dimension " + d + " is not a non-negative integer");
            }
            shape[k] = (long) v;
        }
        return shape;
    }

    private static ApiException bad(String name, String problem) {
        return ApiException.badRequest("input '" + name + "': " + problem);
    }

    /** Outputs in name order. Non-finite floats become null: JSON has no NaN; the output hash still covers them. */
    static JsonObject tensors(Map<String, Tensor> tensors) {
        JsonObject o = new JsonObject();
        for (Map.Entry<String, Tensor> e : new TreeMap<>(tensors).entrySet()) {
            o.add(e.getKey(), tensor(e.getValue()));
        }
        return o;
    }

    static JsonObject tensor(Tensor t) {
        JsonObject o = new JsonObject();
        o.addProperty("dtype", t.dtype().name());
        JsonArray shape = new JsonArray();
        for (long d : t.shape()) {
            shape.add(d);
        }
        o.add("shape", shape);
        JsonArray data = new JsonArray();
        switch (t.dtype()) {
            case FLOAT32 -> {
                for (float f : t.floats()) {
                    data.add(Float.isFinite(f) ? new JsonPrimitive(f) : JsonNull.INSTANCE);
                }
            }
            case INT32 -> Arrays.stream(t.ints()).forEach(data::add);
            case INT64 -> Arrays.stream(t.longs()).forEach(data::add);
            case INT8 -> {
                for (byte b : t.int8s()) {
                    data.add(b);
                }
            }
        }
        o.add("data", data);
        return o;
    }

    static JsonElement proof(Proof p) {
        if (p == null) {
            return JsonNull.INSTANCE;
        }
        JsonObject o = new JsonObject();
        o.addProperty("scheme", p.scheme());
        o.addProperty("size", p.size());
        o.addProperty("payload", Base64.getEncoder().encodeToString(p.payload()));
        inlineSnarkjs(p, o);
        JsonObject attrs = new JsonObject();
        new TreeMap<>(p.attributes()).forEach(attrs::addProperty);
        o.add("attributes", attrs);
        return o;
    }

    /**
     * ZK proofs are snarkjs JSON ({@code {verification_key, proof, public}}): their parts are also shown as JSON, so a
     * caller can save {@code proof.proof} and {@code proof.public} and run {@code snarkjs groth16 verify} on them.
     */
    private static void inlineSnarkjs(Proof p, JsonObject o) {
        if (!p.scheme().startsWith("zk.")) {
            return;
        }
        try {
            JsonElement e = com.google.gson.JsonParser.parseString(
                    new String(p.payload(), java.nio.charset.StandardCharsets.UTF_8));
            if (e.isJsonObject()) {
                for (String part : List.of("proof", "public", "verification_key")) {
                    if (e.getAsJsonObject().has(part)) {
                        o.add(part, e.getAsJsonObject().get(part));
                    }
                }
            }
        } catch (RuntimeException notJson) {
            // the payload stays available as base64
        }
    }

    static JsonObject descriptor(ModelDescriptor d) {
        JsonObject o = new JsonObject();
        o.addProperty("id", d.id());
        o.addProperty("name", d.name());
        o.addProperty("size", d.size());
        o.add("inputs", specs(d.inputs()));
        o.add("outputs", specs(d.outputs()));
        o.addProperty("storedAt", d.storedAt().toString());
        return o;
    }

    private static JsonArray specs(List<TensorSpec> specs) {
        JsonArray a = new JsonArray();
        for (TensorSpec s : specs) {
            JsonObject o = new JsonObject();
            o.addProperty("name", s.name());
            o.addProperty("dtype", s.dtype().name());
            JsonArray shape = new JsonArray();
            s.shape().forEach(shape::add);
            o.add("shape", shape);
            a.add(o);
        }
        return a;
    }
}
