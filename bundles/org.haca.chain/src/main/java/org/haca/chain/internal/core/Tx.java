package org.haca.chain.internal.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A signed transaction in the canonical binary encoding (all integers big-endian, see docs/chain-encoding.md):
 *
 * <pre>
 * tx      = version:u8(=1) type:u8 network:str nonce:u64 pubkey:33 body signature:64
 * str     = len:u16 utf8[len]          bytes = len:u32 raw[len]
 * body    Transfer(1)      = to:20 amount:u64
 *         RegisterNode(2)  = stake:u64 modes:u8 evidence:bytes(&lt;=64KiB)
 *         SubmitResult(3)  = requestId:str(1..128) node:20 model:32 input:32 output:32 mode:u8 scheme:str(&lt;=64)
 *                            nonce:str(&lt;=128) timestamp:u64 fee:u64 proofKind:u8 (0 none, 1 inline bytes, 2 sha256:32)
 *         Verdict(4)       = requestId:str valid:u8 reason:str(&lt;=256)
 *         BatchSettle(5)   = node:20 fee:u64 root:32 count:u32 leaves:32*count
 *         Unbond(6)        = amount:u64
 *         Withdraw(7)      = (empty)
 * </pre>
 *
 * The signature is low-s secp256k1 ECDSA over SHA-256 of every byte before it; the sender is the Ethereum address
 * of {@code pubkey}. The tx hash is SHA-256 of the whole encoding. Decoding is strict: unknown version or type,
 * trailing bytes, non-UTF-8 strings, negative amounts and sizes over the limits are rejected.
 */
public final class Tx {
    public static final int VERSION = 1;
    public static final int MAX_TX_BYTES = 1 << 20;
    public static final int MAX_REQUEST_ID = 128;
    public static final int MAX_SCHEME = 64;
    public static final int MAX_REASON = 256;
    public static final int MAX_EVIDENCE = 64 * 1024;
    public static final int MAX_PROOF = 256 * 1024;
    public static final int MAX_BATCH = 30_000;

    public enum Type {
        TRANSFER(1), REGISTER_NODE(2), SUBMIT_RESULT(3), VERDICT(4), BATCH_SETTLE(5), UNBOND(6), WITHDRAW(7);

        public final int code;

        Type(int code) {
            this.code = code;
        }

        static Type of(int code) throws MalformedException {
            for (Type t : values()) {
                if (t.code == code) {
                    return t;
                }
            }
            throw new MalformedException("unknown tx type " + code);
        }
    }

    /** Inference modes, as on the wire. */
    public static final int MODE_VANILLA = 0, MODE_TEE = 1, MODE_ZKML = 2;
    public static final String[] MODE_NAMES = { "VANILLA", "TEE", "ZKML" };
    public static final int PROOF_NONE = 0, PROOF_INLINE = 1, PROOF_HASH = 2;

    public sealed interface Body permits Transfer, RegisterNode, SubmitResult, Verdict, BatchSettle, Unbond, Withdraw {
        Type type();

        void write(Wire.Writer w);
    }

    private static void len(byte[] b, int n, String what) {
        if (b == null || b.length != n) {
            throw new IllegalArgumentException(what + " must be " + n + " bytes");
        }
    }

    public record Transfer(byte[] to, long amount) implements Body {
        public Transfer {
            len(to, 20, "recipient");
        }

        public Type type() {
            return Type.TRANSFER;
        }

        public void write(Wire.Writer w) {
            w.raw(to).u64(amount);
        }
    }

    /** modes: bit 0 VANILLA, bit 1 TEE, bit 2 ZKML. */
    public record RegisterNode(long stake, int modes, byte[] evidence) implements Body {
        public Type type() {
            return Type.REGISTER_NODE;
        }

        public void write(Wire.Writer w) {
            w.u64(stake).u8(modes).bytes(evidence);
        }
    }

    public record SubmitResult(String requestId, byte[] node, byte[] modelHash, byte[] inputHash, byte[] outputHash,
            int mode, String scheme, String nonce, long timestamp, long fee, int proofKind, byte[] proof)
            implements Body {
        public SubmitResult {
            len(node, 20, "node");
            len(modelHash, 32, "model hash");
            len(inputHash, 32, "input hash");
            len(outputHash, 32, "output hash");
            if (proofKind == PROOF_HASH) {
                len(proof, 32, "proof hash");
            }
        }

        public Type type() {
            return Type.SUBMIT_RESULT;
        }

        public void write(Wire.Writer w) {
            w.str(requestId).raw(node).raw(modelHash).raw(inputHash).raw(outputHash).u8(mode).str(scheme).str(nonce)
                    .u64(timestamp).u64(fee).u8(proofKind);
            if (proofKind == PROOF_INLINE) {
                w.bytes(proof);
            } else if (proofKind == PROOF_HASH) {
                w.raw(proof);
            }
        }
    }

    public record Verdict(String requestId, boolean valid, String reason) implements Body {
        public Type type() {
            return Type.VERDICT;
        }

        public void write(Wire.Writer w) {
            w.str(requestId).u8(valid ? 1 : 0).str(reason);
        }
    }

    public record BatchSettle(byte[] node, long fee, byte[] root, List<byte[]> leaves) implements Body {
        public BatchSettle {
            len(node, 20, "node");
            len(root, 32, "root");
            for (byte[] l : leaves) {
                len(l, 32, "leaf");
            }
        }

        public Type type() {
            return Type.BATCH_SETTLE;
        }

        public void write(Wire.Writer w) {
            w.raw(node).u64(fee).raw(root).u32(leaves.size());
            for (byte[] l : leaves) {
                w.raw(l);
            }
        }
    }

    public record Unbond(long amount) implements Body {
        public Type type() {
            return Type.UNBOND;
        }

        public void write(Wire.Writer w) {
            w.u64(amount);
        }
    }

    public record Withdraw() implements Body {
        public Type type() {
            return Type.WITHDRAW;
        }

        public void write(Wire.Writer w) {
        }
    }

    private final String network;
    private final long nonce;
    private final byte[] publicKey;
    private final Body body;
    private final byte[] signature;
    private final byte[] encoded;
    private final int signedLength;
    private byte[] hash;
    private byte[] sender;

    private Tx(String network, long nonce, byte[] publicKey, Body body, byte[] signature, byte[] encoded,
            int signedLength) {
        this.network = network;
        this.nonce = nonce;
        this.publicKey = publicKey;
        this.body = body;
        this.signature = signature;
        this.encoded = encoded;
        this.signedLength = signedLength;
    }

    /** Builds and signs. */
    public static Tx sign(String network, long nonce, Crypto.KeyPair key, Body body) {
        Wire.Writer w = new Wire.Writer();
        w.u8(VERSION).u8(body.type().code).str(network).u64(nonce).raw(key.publicKey());
        body.write(w);
        byte[] unsigned = w.toByteArray();
        byte[] sig = key.sign(Crypto.sha256(unsigned));
        byte[] enc = Arrays.copyOf(unsigned, unsigned.length + 64);
        System.arraycopy(sig, 0, enc, unsigned.length, 64);
        return new Tx(network, nonce, key.publicKey(), body, sig, enc, unsigned.length);
    }

    /** Strict decoding; checks structure only, not the signature. */
    public static Tx decode(byte[] enc) throws MalformedException {
        if (enc == null || enc.length == 0) {
            throw new MalformedException("empty tx");
        }
        if (enc.length > MAX_TX_BYTES) {
            throw new MalformedException("tx of " + enc.length + " bytes exceeds the limit of " + MAX_TX_BYTES);
        }
        Wire.Reader r = new Wire.Reader(enc);
        int version = r.u8("version");
        if (version != VERSION) {
            throw new MalformedException("unsupported tx version " + version);
        }
        Type type = Type.of(r.u8("type"));
        String network = r.str(64, "network id");
        long nonce = r.amount("nonce");
        byte[] pub = r.raw(33, "public key");
        if (pub[0] != 2 && pub[0] != 3) {
            throw new MalformedException("public key is not a compressed secp256k1 point");
        }
        Body body = switch (type) {
            case TRANSFER -> new Transfer(r.raw(20, "recipient"), r.amount("amount"));
            case REGISTER_NODE -> {
                long stake = r.amount("stake");
                int modes = r.u8("modes");
                if (modes == 0 || modes > 7) {
                    throw new MalformedException("modes must be a non-empty subset of VANILLA|TEE|ZKML");
                }
                yield new RegisterNode(stake, modes, r.bytes(MAX_EVIDENCE, "evidence"));
            }
            case SUBMIT_RESULT -> {
                String requestId = r.str(MAX_REQUEST_ID, "request id");
                if (requestId.isEmpty()) {
                    throw new MalformedException("empty request id");
                }
                byte[] node = r.raw(20, "node");
                byte[] model = r.raw(32, "model hash");
                byte[] input = r.raw(32, "input hash");
                byte[] output = r.raw(32, "output hash");
                int mode = r.u8("mode");
                if (mode > MODE_ZKML) {
                    throw new MalformedException("unknown mode " + mode);
                }
                String scheme = r.str(MAX_SCHEME, "scheme");
                String pnonce = r.str(128, "statement nonce");
                long ts = r.amount("timestamp");
                long fee = r.amount("fee");
                int kind = r.u8("proof kind");
                byte[] proof = switch (kind) {
                    case PROOF_NONE -> new byte[0];
                    case PROOF_INLINE -> r.bytes(MAX_PROOF, "proof");
                    case PROOF_HASH -> r.raw(32, "proof hash");
                    default -> throw new MalformedException("unknown proof kind " + kind);
                };
                yield new SubmitResult(requestId, node, model, input, output, mode, scheme, pnonce, ts, fee, kind,
                        proof);
            }
            case VERDICT -> {
                String requestId = r.str(MAX_REQUEST_ID, "request id");
                int valid = r.u8("valid");
                if (valid > 1) {
                    throw new MalformedException("valid must be 0 or 1");
                }
                yield new Verdict(requestId, valid == 1, r.str(MAX_REASON, "reason"));
            }
            case BATCH_SETTLE -> {
                byte[] node = r.raw(20, "node");
                long fee = r.amount("fee");
                byte[] root = r.raw(32, "root");
                int count = r.u32("count");
                if (count <= 0 || count > MAX_BATCH) {
                    throw new MalformedException("batch count must be within 1.." + MAX_BATCH);
                }
                List<byte[]> leaves = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    leaves.add(r.raw(32, "leaf"));
                }
                yield new BatchSettle(node, fee, root, leaves);
            }
            case UNBOND -> new Unbond(r.amount("amount"));
            case WITHDRAW -> new Withdraw();
        };
        int signedLength = r.position();
        byte[] sig = r.raw(64, "signature");
        r.end("signature");
        return new Tx(network, nonce, pub, body, sig, enc, signedLength);
    }

    public boolean verifySignature() {
        return Crypto.verify(publicKey, Crypto.sha256(Arrays.copyOf(encoded, signedLength)), signature);
    }

    public String network() {
        return network;
    }

    public long nonce() {
        return nonce;
    }

    public Body body() {
        return body;
    }

    public Type type() {
        return body.type();
    }

    public byte[] encoded() {
        return encoded;
    }

    public synchronized byte[] hash() {
        if (hash == null) {
            hash = Crypto.sha256(encoded);
        }
        return hash;
    }

    /** Sender address (20 bytes), derived from the public key. */
    public synchronized byte[] sender() {
        if (sender == null) {
            sender = Crypto.address(publicKey);
        }
        return sender;
    }
}
