package org.haca.proof.zk.internal.snarkjs;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;

/**
 * Strict readers and exact writers of snarkjs's Groth16 JSON artefacts: {@code verification_key.json},
 * {@code proof.json}, {@code public.json}. Numbers are decimal strings; points are projective triples with z = 1
 * (G1 [x, y, "1"], G2 [[x.c0, x.c1], [y.c0, y.c1], ["1", "0"]]); the point at infinity is z = 0 ([0, 1, 0] as
 * snarkjs writes it). Output is what {@code JSON.stringify(value, null, 1)} produces, which is how the snarkjs CLI
 * writes these files (one-space indent, no trailing newline).
 */
public final class SnarkjsJson {
    private static final String PROTOCOL = "groth16";
    private static final String CURVE = "bn128";
    /** Longest decimal string accepted: values are below 2^254, i.e. at most 77 digits. */
    private static final int MAX_DIGITS = 78;

    private SnarkjsJson() {
    }

    // ---------------------------------------------------------------- reading

    public static VerificationKeyJson readVerificationKey(String json) {
        JsonObject o = object(parse(json), "verification key");
        expectString(o, "protocol", PROTOCOL);
        expectString(o, "curve", CURVE);
        int nPublic = smallInt(member(o, "nPublic"), "nPublic");
        RawG1 alpha = g1(member(o, "vk_alpha_1"), "vk_alpha_1");
        RawG2 beta = g2(member(o, "vk_beta_2"), "vk_beta_2");
        RawG2 gamma = g2(member(o, "vk_gamma_2"), "vk_gamma_2");
        RawG2 delta = g2(member(o, "vk_delta_2"), "vk_delta_2");
        List<List<List<String>>> alphaBeta = o.has("vk_alphabeta_12") ? alphaBeta(o.get("vk_alphabeta_12")) : null;
        JsonArray icArr = array(member(o, "IC"), "IC");
        List<RawG1> ic = new ArrayList<>();
        for (int i = 0; i < icArr.size(); i++) {
            ic.add(g1(icArr.get(i), "IC[" + i + "]"));
        }
        return new VerificationKeyJson(nPublic, alpha, beta, gamma, delta, alphaBeta, ic);
    }

    public static ProofJson readProof(String json) {
        JsonObject o = object(parse(json), "proof");
        if (o.has("protocol")) {
            expectString(o, "protocol", PROTOCOL);
        }
        if (o.has("curve")) {
            expectString(o, "curve", CURVE);
        }
        return new ProofJson(g1(member(o, "pi_a"), "pi_a"), g2(member(o, "pi_b"), "pi_b"),
                g1(member(o, "pi_c"), "pi_c"));
    }

    /** public.json: an array of decimal strings, each a canonical scalar (&lt; r). */
    public static List<BigInteger> readPublicSignals(String json) {
        JsonArray arr = array(parse(json), "public signals");
        List<BigInteger> out = new ArrayList<>(arr.size());
        for (int i = 0; i < arr.size(); i++) {
            BigInteger v = decimal(arr.get(i), "public signal " + i);
            if (v.compareTo(Bn128.R) >= 0) {
                throw new FormatException("public signal " + i + " is not below the scalar field modulus r");
            }
            out.add(v);
        }
        return out;
    }

    // ---------------------------------------------------------------- writing

    public static String writeVerificationKey(VerificationKeyJson vk) {
        Json.Obj o = new Json.Obj();
        o.put("protocol", Json.str(PROTOCOL));
        o.put("curve", Json.str(CURVE));
        o.put("nPublic", Json.num(vk.nPublic()));
        o.put("vk_alpha_1", g1(vk.alpha1()));
        o.put("vk_beta_2", g2(vk.beta2()));
        o.put("vk_gamma_2", g2(vk.gamma2()));
        o.put("vk_delta_2", g2(vk.delta2()));
        if (vk.alphaBeta12() != null) {
            List<Object> ab = new ArrayList<>();
            for (List<List<String>> c6 : vk.alphaBeta12()) {
                List<Object> a6 = new ArrayList<>();
                for (List<String> c2 : c6) {
                    a6.add(new ArrayList<Object>(c2.stream().map(Json::str).toList()));
                }
                ab.add(a6);
            }
            o.put("vk_alphabeta_12", ab);
        }
        List<Object> ic = new ArrayList<>();
        vk.ic().forEach(p -> ic.add(g1(p)));
        o.put("IC", ic);
        return Json.stringify(o);
    }

    public static String writeProof(ProofJson proof) {
        Json.Obj o = new Json.Obj();
        o.put("pi_a", g1(proof.a()));
        o.put("pi_b", g2(proof.b()));
        o.put("pi_c", g1(proof.c()));
        o.put("protocol", Json.str(PROTOCOL));
        o.put("curve", Json.str(CURVE));
        return Json.stringify(o);
    }

    public static String writePublicSignals(List<BigInteger> signals) {
        List<Object> arr = new ArrayList<>();
        for (BigInteger s : signals) {
            Codec.checkBelow(s, Bn128.R, "public signal");
            arr.add(Json.str(s.toString()));
        }
        return Json.stringify(arr);
    }

    private static List<Object> g1(RawG1 p) {
        if (p.isInfinity()) {
            return new ArrayList<>(List.of(Json.str("0"), Json.str("1"), Json.str("0")));
        }
        return new ArrayList<>(List.of(Json.str(p.x().toString()), Json.str(p.y().toString()), Json.str("1")));
    }

    private static List<Object> g2(RawG2 p) {
        if (p.isInfinity()) {
            return new ArrayList<>(List.of(pair("0", "0"), pair("1", "0"), pair("0", "0")));
        }
        return new ArrayList<>(List.of(pair(p.x0().toString(), p.x1().toString()),
                pair(p.y0().toString(), p.y1().toString()), pair("1", "0")));
    }

    private static List<Object> pair(String a, String b) {
        return new ArrayList<>(List.of(Json.str(a), Json.str(b)));
    }

    // ---------------------------------------------------------------- strict parsing helpers

    private static JsonElement parse(String json) {
        if (json == null) {
            throw new FormatException("no JSON given");
        }
        try {
            JsonReader reader = new JsonReader(new java.io.StringReader(json));
            reader.setStrictness(Strictness.STRICT);
            JsonElement e = JsonParser.parseReader(reader);
            if (e.isJsonNull()) {
                throw new FormatException("malformed JSON: empty document or null");
            }
            if (reader.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) {
                throw new FormatException("malformed JSON: trailing content");
            }
            return e;
        } catch (JsonParseException | java.io.IOException | IllegalStateException e) {
            throw new FormatException("malformed JSON: " + e.getMessage(), e);
        }
    }

    private static JsonObject object(JsonElement e, String what) {
        if (!e.isJsonObject()) {
            throw new FormatException(what + " must be a JSON object");
        }
        return e.getAsJsonObject();
    }

    private static JsonElement member(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            throw new FormatException("missing \"" + name + "\"");
        }
        return e;
    }

    private static void expectString(JsonObject o, String name, String expected) {
        JsonElement e = member(o, name);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString() || !expected.equals(e.getAsString())) {
            throw new FormatException("\"" + name + "\" must be \"" + expected + "\", is " + e);
        }
    }

    private static JsonArray array(JsonElement e, String what) {
        if (!e.isJsonArray()) {
            throw new FormatException(what + " must be a JSON array");
        }
        return e.getAsJsonArray();
    }

    private static JsonArray array(JsonElement e, int length, String what) {
        JsonArray a = array(e, what);
        if (a.size() != length) {
            throw new FormatException(what + " must have " + length + " elements, has " + a.size());
        }
        return a;
    }

    private static int smallInt(JsonElement e, String what) {
        if (e.isJsonPrimitive()) {
            JsonPrimitive p = e.getAsJsonPrimitive();
            String s = p.getAsString();
            if ((p.isNumber() || p.isString()) && s.matches("0|[1-9][0-9]{0,8}")) {
                return Integer.parseInt(s);
            }
        }
        throw new FormatException(what + " must be a small non-negative integer, is " + e);
    }

    /** A decimal string of a non-negative integer (snarkjs never writes numbers for field elements). */
    static BigInteger decimal(JsonElement e, String what) {
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new FormatException(what + " must be a decimal string, is " + e);
        }
        String s = e.getAsString();
        if (s.isEmpty() || s.length() > MAX_DIGITS || !s.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw new FormatException(what + " is not a decimal number: \"" + abbreviate(s) + "\"");
        }
        return new BigInteger(s);
    }

    private static BigInteger coordinate(JsonElement e, String what) {
        BigInteger v = decimal(e, what);
        if (v.compareTo(Bn128.Q) >= 0) {
            throw new FormatException(what + " is not below the base field modulus q");
        }
        return v;
    }

    private static RawG1 g1(JsonElement e, String what) {
        JsonArray a = array(e, 3, what);
        BigInteger x = coordinate(a.get(0), what + ".x");
        BigInteger y = coordinate(a.get(1), what + ".y");
        BigInteger z = coordinate(a.get(2), what + ".z");
        if (z.signum() == 0) {
            return RawG1.INFINITY;
        }
        if (!z.equals(BigInteger.ONE)) {
            throw new FormatException(what + " is not affine (z must be 1, or 0 for infinity)");
        }
        if (x.signum() == 0 && y.signum() == 0) {
            throw new FormatException(what + " = (0, 0) is not a curve point");
        }
        return new RawG1(x, y);
    }

    private static RawG2 g2(JsonElement e, String what) {
        JsonArray a = array(e, 3, what);
        JsonArray x = array(a.get(0), 2, what + ".x");
        JsonArray y = array(a.get(1), 2, what + ".y");
        JsonArray z = array(a.get(2), 2, what + ".z");
        BigInteger x0 = coordinate(x.get(0), what + ".x.c0");
        BigInteger x1 = coordinate(x.get(1), what + ".x.c1");
        BigInteger y0 = coordinate(y.get(0), what + ".y.c0");
        BigInteger y1 = coordinate(y.get(1), what + ".y.c1");
        BigInteger z0 = coordinate(z.get(0), what + ".z.c0");
        BigInteger z1 = coordinate(z.get(1), what + ".z.c1");
        if (z0.signum() == 0 && z1.signum() == 0) {
            return RawG2.INFINITY;
        }
        if (!z0.equals(BigInteger.ONE) || z1.signum() != 0) {
            throw new FormatException(what + " is not affine (z must be [1, 0], or [0, 0] for infinity)");
        }
        RawG2 p = new RawG2(x0, x1, y0, y1);
        if (p.isInfinity()) {
            throw new FormatException(what + " = (0, 0) is not a curve point");
        }
        return p;
    }

    private static List<List<List<String>>> alphaBeta(JsonElement e) {
        JsonArray a = array(e, 2, "vk_alphabeta_12");
        List<List<List<String>>> out = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            JsonArray b = array(a.get(i), 3, "vk_alphabeta_12[" + i + "]");
            List<List<String>> c6 = new ArrayList<>();
            for (int j = 0; j < 3; j++) {
                JsonArray c = array(b.get(j), 2, "vk_alphabeta_12[" + i + "][" + j + "]");
                List<String> c2 = new ArrayList<>();
                for (int k = 0; k < 2; k++) {
                    c2.add(coordinate(c.get(k), "vk_alphabeta_12[" + i + "][" + j + "][" + k + "]").toString());
                }
                c6.add(List.copyOf(c2));
            }
            out.add(List.copyOf(c6));
        }
        return List.copyOf(out);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
