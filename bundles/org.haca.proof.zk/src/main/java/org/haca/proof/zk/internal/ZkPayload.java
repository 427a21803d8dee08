package org.haca.proof.zk.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.haca.proof.zk.internal.snarkjs.ProofJson;
import org.haca.proof.zk.internal.snarkjs.SnarkjsJson;
import org.haca.proof.zk.internal.snarkjs.VerificationKeyJson;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The bytes of a {@code zk.groth16.bn254.v1} proof: one JSON object
 * {@code {"verification_key": …, "proof": …, "public": […]}} whose three members are exactly snarkjs's
 * {@code verification_key.json}, {@code proof.json} and {@code public.json}, so they can be saved and checked with
 * {@code snarkjs groth16 verify} alone.
 */
record ZkPayload(VerificationKeyJson verificationKey, ProofJson proof, List<BigInteger> publicSignals) {

    static final int MAX_BYTES = 256 * 1024;

    static byte[] write(String vkJson, String proofJson, String publicJson) {
        JsonObject o = new JsonObject();
        o.add("verification_key", JsonParser.parseString(vkJson));
        o.add("proof", JsonParser.parseString(proofJson));
        o.add("public", JsonParser.parseString(publicJson));
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** @throws IllegalArgumentException with a reason for anything that is not such an object */
    static ZkPayload read(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("proof payload of " + bytes.length + " bytes exceeds " + MAX_BYTES);
        }
        JsonElement e;
        try {
            e = JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonParseException ex) {
            throw new IllegalArgumentException("proof payload is not JSON: " + ex.getMessage());
        }
        if (!e.isJsonObject()) {
            throw new IllegalArgumentException("proof payload must be a JSON object {verification_key, proof, public}");
        }
        JsonObject o = e.getAsJsonObject();
        for (String part : List.of("verification_key", "proof", "public")) {
            if (!o.has(part)) {
                throw new IllegalArgumentException("proof payload has no '" + part + "'");
            }
        }
        return new ZkPayload(SnarkjsJson.readVerificationKey(o.get("verification_key").toString()),
                SnarkjsJson.readProof(o.get("proof").toString()),
                SnarkjsJson.readPublicSignals(o.get("public").toString()));
    }
}
