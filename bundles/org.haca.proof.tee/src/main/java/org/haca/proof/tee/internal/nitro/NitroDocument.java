package org.haca.proof.tee.internal.nitro;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.haca.proof.tee.internal.cbor.Cbor;
import org.haca.proof.tee.internal.cbor.CborException;

/**
 * A parsed AWS Nitro attestation document: a COSE_Sign1 (RFC 9052; untagged or with tag 18) whose payload is the
 * attestation map of the AWS Nitro Enclaves specification. Parsing checks shape only; nothing here is trusted.
 */
public record NitroDocument(byte[] protectedHeader, byte[] payload, byte[] signature, Map<Object, Object> protectedMap,
        String moduleId, String digest, long timestamp, Map<Integer, byte[]> pcrs, byte[] certificate,
        List<byte[]> cabundle, byte[] publicKey, byte[] userData, byte[] nonce) {

    private static final Set<String> KEYS = Set.of("module_id", "digest", "timestamp", "pcrs", "certificate",
            "cabundle", "public_key", "user_data", "nonce");

    public static NitroDocument parse(byte[] cose) throws CborException {
        Object top = Cbor.decode(cose);
        if (top instanceof Cbor.Tagged t) {
            if (t.tag() != 18) {
                throw new CborException("unexpected tag " + t.tag() + " (COSE_Sign1 is 18)");
            }
            top = t.value();
        }
        if (!(top instanceof List<?> arr) || arr.size() != 4) {
            throw new CborException("COSE_Sign1 must be an array of 4 items");
        }
        byte[] prot = bytes(arr.get(0), "protected header");
        if (!(arr.get(1) instanceof Map<?, ?> unprot)) {
            throw new CborException("unprotected header must be a map");
        }
        if (!unprot.isEmpty()) {
            throw new CborException("unprotected header must be empty (nothing outside the signature is accepted)");
        }
        byte[] payload = bytes(arr.get(2), "payload");
        byte[] sig = bytes(arr.get(3), "signature");
        @SuppressWarnings("unchecked")
        Map<Object, Object> protMap = prot.length == 0 ? Map.of() : map(Cbor.decode(prot), "protected header");

        Map<Object, Object> p = map(Cbor.decode(payload), "payload");
        for (Object k : p.keySet()) {
            if (!(k instanceof String s) || !KEYS.contains(s)) {
                throw new CborException("unknown payload field " + k);
            }
        }
        String moduleId = text(required(p, "module_id"), "module_id");
        if (moduleId.isEmpty()) {
            throw new CborException("module_id is empty");
        }
        String digest = text(required(p, "digest"), "digest");
        if (!(required(p, "timestamp") instanceof Long ts) || ts <= 0) {
            throw new CborException("timestamp must be a positive integer");
        }
        Map<Object, Object> pcrMap = map(required(p, "pcrs"), "pcrs");
        if (pcrMap.isEmpty() || pcrMap.size() > 32) {
            throw new CborException("pcrs must hold 1..32 entries");
        }
        Map<Integer, byte[]> pcrs = new TreeMap<>();
        for (Map.Entry<Object, Object> e : pcrMap.entrySet()) {
            if (!(e.getKey() instanceof Long idx) || idx < 0 || idx >= 32) {
                throw new CborException("pcr index must be 0..31");
            }
            byte[] v = bytes(e.getValue(), "pcr" + idx);
            if (v.length != 32 && v.length != 48 && v.length != 64) {
                throw new CborException("pcr" + idx + " must be 32, 48 or 64 bytes");
            }
            pcrs.put(idx.intValue(), v);
        }
        byte[] cert = bytes(required(p, "certificate"), "certificate");
        if (!(required(p, "cabundle") instanceof List<?> bundle) || bundle.isEmpty() || bundle.size() > 8) {
            throw new CborException("cabundle must be an array of 1..8 certificates");
        }
        List<byte[]> cabundle = new ArrayList<>();
        for (Object o : bundle) {
            byte[] c = bytes(o, "cabundle entry");
            if (c.length == 0 || c.length > 1024) {
                throw new CborException("cabundle entry must be 1..1024 bytes");
            }
            cabundle.add(c);
        }
        byte[] publicKey = optionalBytes(p, "public_key", 1024);
        byte[] userData = optionalBytes(p, "user_data", 512);
        byte[] nonce = optionalBytes(p, "nonce", 512);
        return new NitroDocument(prot, payload, sig, protMap, moduleId, digest, ts, Collections.unmodifiableMap(pcrs),
                cert, List.copyOf(cabundle), publicKey, userData, nonce);
    }

    /** Sig_structure = ["Signature1", protected, external_aad = h'', payload] (RFC 9052 section 4.4). */
    public byte[] sigStructure() {
        byte[] context = "Signature1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(payload.length + protectedHeader.length + 32);
        out.writeBytes(Cbor.head(4, 4));
        out.writeBytes(Cbor.head(3, context.length));
        out.writeBytes(context);
        out.writeBytes(Cbor.head(2, protectedHeader.length));
        out.writeBytes(protectedHeader);
        out.writeBytes(Cbor.head(2, 0));
        out.writeBytes(Cbor.head(2, payload.length));
        out.writeBytes(payload);
        return out.toByteArray();
    }

    private static Object required(Map<Object, Object> m, String key) throws CborException {
        Object v = m.get(key);
        if (v == null) {
            throw new CborException("missing payload field " + key);
        }
        return v;
    }

    private static byte[] optionalBytes(Map<Object, Object> m, String key, int max) throws CborException {
        Object v = m.get(key);
        if (v == null || v == Cbor.NULL) {
            return null;
        }
        byte[] b = bytes(v, key);
        if (b.length > max) {
            throw new CborException(key + " longer than " + max + " bytes");
        }
        return b;
    }

    private static byte[] bytes(Object o, String what) throws CborException {
        if (o instanceof byte[] b) {
            return b;
        }
        throw new CborException(what + " must be a byte string");
    }

    private static String text(Object o, String what) throws CborException {
        if (o instanceof String s) {
            return s;
        }
        throw new CborException(what + " must be a text string");
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> map(Object o, String what) throws CborException {
        if (o instanceof Map<?, ?> m) {
            return (Map<Object, Object>) m;
        }
        throw new CborException(what + " must be a map");
    }
}
