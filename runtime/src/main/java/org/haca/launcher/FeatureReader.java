package org.haca.launcher;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/** Reads the subset of the OSGi Feature 1.0 JSON format described in {@link Feature}, strictly. */
final class FeatureReader {
    private FeatureReader() {
    }

    static Feature read(Reader json, String origin) throws IOException {
        JsonObject root;
        try {
            JsonElement parsed = JsonParser.parseReader(json);
            if (!parsed.isJsonObject()) {
                throw new IOException(origin + ": a feature must be a JSON object");
            }
            root = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IOException(origin + ": malformed feature JSON: " + e.getMessage(), e);
        }
        String id = string(root, "id", origin);
        List<Feature.BundleRef> bundles = new ArrayList<>();
        JsonElement list = root.get("bundles");
        if (list == null || !list.isJsonArray()) {
            throw new IOException(origin + ": 'bundles' must be an array");
        }
        for (JsonElement b : list.getAsJsonArray()) {
            bundles.add(bundle(b, origin));
        }
        Map<String, Map<String, Object>> configurations = new LinkedHashMap<>();
        JsonElement configs = root.get("configurations");
        if (configs != null) {
            if (!configs.isJsonObject()) {
                throw new IOException(origin + ": 'configurations' must be an object");
            }
            for (Map.Entry<String, JsonElement> e : configs.getAsJsonObject().entrySet()) {
                if (!e.getValue().isJsonObject()) {
                    throw new IOException(origin + ": configuration " + e.getKey() + " must be an object");
                }
                Map<String, Object> props = new LinkedHashMap<>();
                for (Map.Entry<String, JsonElement> p : e.getValue().getAsJsonObject().entrySet()) {
                    props.put(p.getKey(), value(p.getValue(), origin + " " + e.getKey() + "." + p.getKey()));
                }
                configurations.put(e.getKey(), props);
            }
        }
        return new Feature(id, bundles, configurations);
    }

    private static Feature.BundleRef bundle(JsonElement e, String origin) throws IOException {
        String coordinates;
        int startOrder = 20;
        if (e.isJsonPrimitive()) {
            coordinates = e.getAsString();
        } else if (e.isJsonObject()) {
            coordinates = string(e.getAsJsonObject(), "id", origin);
            JsonElement order = e.getAsJsonObject().get("start-order");
            if (order != null) {
                startOrder = order.getAsInt();
            }
        } else {
            throw new IOException(origin + ": a bundle entry must be a string or an object with an id");
        }
        String[] parts = coordinates.split(":");
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw new IOException(origin + ": bundle id '" + coordinates + "' is not groupId:artifactId:version");
        }
        return new Feature.BundleRef(parts[0], parts[1], parts[2], startOrder);
    }

    /** Config values: strings, longs, doubles, booleans and arrays of one of those (ConfigAdmin types). */
    private static Object value(JsonElement v, String where) throws IOException {
        if (v.isJsonPrimitive()) {
            return primitive(v.getAsJsonPrimitive());
        }
        if (v.isJsonArray()) {
            JsonArray a = v.getAsJsonArray();
            String[] out = new String[a.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = a.get(i).getAsString();
            }
            return out;
        }
        throw new IOException(where + ": configuration values must be primitives or arrays");
    }

    private static Object primitive(JsonPrimitive p) {
        if (p.isBoolean()) {
            return p.getAsBoolean();
        }
        if (p.isNumber()) {
            double d = p.getAsDouble();
            return d == Math.rint(d) && !p.getAsString().contains(".") ? (Object) p.getAsLong() : (Object) d;
        }
        return p.getAsString();
    }

    private static String string(JsonObject o, String key, String origin) throws IOException {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive()) {
            throw new IOException(origin + ": missing string '" + key + "'");
        }
        return e.getAsString();
    }
}
