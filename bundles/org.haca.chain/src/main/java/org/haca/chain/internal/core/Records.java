package org.haca.chain.internal.core;

import java.nio.charset.StandardCharsets;

/** State keys and the canonical encodings of state records. */
public final class Records {
    private Records() {
    }

    public static final byte ACCOUNT = 'a', NODE = 'n', VALIDATOR = 'v', INFERENCE = 'r', QUEUE = 'q', GLOBALS = 'g',
            PARAMS = 'p', BATCH = 'B';

    public static byte[] key(byte prefix, byte[] id) {
        byte[] k = new byte[id.length + 1];
        k[0] = prefix;
        System.arraycopy(id, 0, k, 1, id.length);
        return k;
    }

    public static byte[] inferenceKey(String requestId) {
        return key(INFERENCE, Crypto.sha256(requestId.getBytes(StandardCharsets.UTF_8)));
    }

    public static byte[] queueKey(long height) {
        return key(QUEUE, new Wire.Writer().u64(height).toByteArray());
    }

    public static final byte[] GLOBALS_KEY = { GLOBALS };
    public static final byte[] PARAMS_KEY = { PARAMS };

    /** Spendable balance and next nonce. */
    public static final class Account {
        public long balance;
        public long nonce;

        public byte[] encode() {
            return new Wire.Writer().u64(balance).u64(nonce).toByteArray();
        }

        public static Account decode(byte[] b) {
            Account a = new Account();
            if (b != null) {
                try {
                    Wire.Reader r = new Wire.Reader(b);
                    a.balance = r.u64("balance");
                    a.nonce = r.u64("nonce");
                } catch (MalformedException e) {
                    throw new IllegalStateException("corrupt account record", e);
                }
            }
            return a;
        }
    }

    /** A registered inference node: active stake, unbonding stake and when it is released. */
    public static final class Node {
        public long stake;
        public int modes;
        public long unbonding;
        public long releaseHeight;
        public byte[] evidenceHash = new byte[32];

        public byte[] encode() {
            return new Wire.Writer().u64(stake).u8(modes).u64(unbonding).u64(releaseHeight).raw(evidenceHash)
                    .toByteArray();
        }

        public static Node decode(byte[] b) {
            if (b == null) {
                return null;
            }
            try {
                Wire.Reader r = new Wire.Reader(b);
                Node n = new Node();
                n.stake = r.u64("stake");
                n.modes = r.u8("modes");
                n.unbonding = r.u64("unbonding");
                n.releaseHeight = r.u64("release");
                n.evidenceHash = r.raw(32, "evidence");
                return n;
            } catch (MalformedException e) {
                throw new IllegalStateException("corrupt node record", e);
            }
        }
    }

    /** Supply accounting. circulating is the sum of balances and is not stored. */
    public static final class Globals {
        public long total;
        public long staked;
        public long escrowed;
        public long burned;
        public byte[] treasury = new byte[20];

        public long circulating() {
            return total - staked - escrowed - burned;
        }

        public byte[] encode() {
            return new Wire.Writer().u64(total).u64(staked).u64(escrowed).u64(burned).raw(treasury).toByteArray();
        }

        public static Globals decode(byte[] b) {
            Globals g = new Globals();
            if (b != null) {
                try {
                    Wire.Reader r = new Wire.Reader(b);
                    g.total = r.u64("total");
                    g.staked = r.u64("staked");
                    g.escrowed = r.u64("escrowed");
                    g.burned = r.u64("burned");
                    g.treasury = r.raw(20, "treasury");
                } catch (MalformedException e) {
                    throw new IllegalStateException("corrupt globals record", e);
                }
            }
            return g;
        }
    }

    /** One inference's settlement record. */
    public static final class Inference {
        public static final int PENDING = 0, VERIFIED = 1, REJECTED = 2, SETTLED = 3;
        public String requestId;
        public int status;
        public int mode;
        public String scheme;
        public byte[] payer;
        public byte[] node;
        public long fee;
        public long paid;
        public long burned;
        public long submitted;
        public long settleHeight;
        public String reason = "";
        public byte[] txHash;

        public byte[] encode() {
            return new Wire.Writer().str(requestId).u8(status).u8(mode).str(scheme).raw(payer).raw(node).u64(fee)
                    .u64(paid).u64(burned).u64(submitted).u64(settleHeight).str(reason).raw(txHash).toByteArray();
        }

        public static Inference decode(byte[] b) {
            if (b == null) {
                return null;
            }
            try {
                Wire.Reader r = new Wire.Reader(b);
                Inference i = new Inference();
                i.requestId = r.str(Tx.MAX_REQUEST_ID, "request id");
                i.status = r.u8("status");
                i.mode = r.u8("mode");
                i.scheme = r.str(Tx.MAX_SCHEME, "scheme");
                i.payer = r.raw(20, "payer");
                i.node = r.raw(20, "node");
                i.fee = r.u64("fee");
                i.paid = r.u64("paid");
                i.burned = r.u64("burned");
                i.submitted = r.u64("submitted");
                i.settleHeight = r.u64("settle height");
                i.reason = r.str(1024, "reason");
                i.txHash = r.raw(32, "tx hash");
                return i;
            } catch (MalformedException e) {
                throw new IllegalStateException("corrupt inference record", e);
            }
        }
    }
}
