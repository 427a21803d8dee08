package org.haca.chain.internal.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.haca.api.economics.EconomicsParameters;

/**
 * The deterministic state transition function: executes blocks of encoded transactions against a {@link StateTree}.
 * No clock, no randomness, no unordered iteration; integer arithmetic only. A rejected transaction changes nothing
 * (not even its sender's nonce).
 *
 * <p>Economics: SubmitResult escrows the fee. A valid Verdict pays fee - protocolShare to the node, burns
 * settlementBurn and gives the rest of the protocol share to the verifying validator. An invalid Verdict refunds the
 * payer and slashes slashBps of the node's stake: slashBurnBps of it is burned, the rest goes to the reporter.
 * VANILLA results settle like a valid verdict {@code challengeWindowBlocks} after submission (rest of the protocol
 * share to the treasury) unless an invalid Verdict came first. BatchSettle pays a whole batch at once.
 *
 * <p>Not thread-safe: one engine thread calls {@link #executeBlock}.
 */
public final class StateMachine {
    private final String network;
    private final StateTree state;
    private long height;
    private EconomicsParameters params;
    private long blockPaid;
    private long blockBurned;

    public StateMachine(String network, StateTree state, long height, EconomicsParameters params) {
        this.network = network;
        this.state = state;
        this.height = height;
        this.params = params;
    }

    /** Builds the genesis state into an empty tree (height 0). */
    public static StateMachine genesis(Genesis g, EconomicsParameters params) {
        StateTree t = new StateTree();
        Records.Globals globals = new Records.Globals();
        for (var e : new java.util.TreeMap<>(g.balances()).entrySet()) {
            Records.Account a = new Records.Account();
            a.balance = e.getValue();
            if (a.balance < 0) {
                throw new IllegalArgumentException("negative genesis balance");
            }
            globals.total = Math.addExact(globals.total, a.balance);
            t.put(Records.key(Records.ACCOUNT, Crypto.parseAddress(e.getKey())), a.encode());
        }
        for (String v : g.validators()) {
            t.put(Records.key(Records.VALIDATOR, Crypto.parseAddress(v)), new byte[] { 1 });
        }
        for (Genesis.GenesisNode n : g.nodes()) {
            Records.Node node = new Records.Node();
            node.stake = n.stake();
            node.modes = n.modes();
            globals.total = Math.addExact(globals.total, n.stake());
            globals.staked += n.stake();
            t.put(Records.key(Records.NODE, Crypto.parseAddress(n.address())), node.encode());
        }
        globals.treasury = Crypto.parseAddress(g.treasury());
        t.put(Records.GLOBALS_KEY, globals.encode());
        t.put(Records.PARAMS_KEY, encodeParams(params));
        return new StateMachine(g.network(), t, 0, params);
    }

    public static byte[] encodeParams(EconomicsParameters p) {
        return new Wire.Writer().u32(p.protocolShareBps()).u32(p.settlementBurnBps()).u32(p.slashBps())
                .u32(p.slashBurnBps()).u64(p.challengeWindowBlocks()).u64(p.minStake()).u64(p.minFee())
                .u64(p.unbondingBlocks()).toByteArray();
    }

    public String network() {
        return network;
    }

    public StateTree state() {
        return state;
    }

    public long height() {
        return height;
    }

    public byte[] stateRoot() {
        return state.root();
    }

    public EconomicsParameters params() {
        return params;
    }

    /**
     * Executes a block. {@code preverified} returns the already decoded and signature-checked tx for a tx hash that
     * passed CheckTx, or null (an optimisation; decoding and verification give the same answer either way).
     */
    /** Tokens paid to inference nodes by the last executed block (a statistic for metrics, not part of the state). */
    public long lastBlockPaid() {
        return blockPaid;
    }

    /** Tokens burned by the last executed block (settlement burns and slash burns). */
    public long lastBlockBurned() {
        return blockBurned;
    }

    public List<Outcome> executeBlock(long newHeight, long time, List<byte[]> txs, EconomicsParameters newParams,
            java.util.function.Function<byte[], Tx> preverified) {
        if (newHeight != height + 1) {
            throw new IllegalStateException("expected height " + (height + 1) + ", got " + newHeight);
        }
        height = newHeight;
        blockPaid = 0;
        blockBurned = 0;
        if (newParams != null && !newParams.equals(params)) {
            params = newParams;
            state.put(Records.PARAMS_KEY, encodeParams(params));
        }
        settleDueVanilla();
        List<Outcome> out = new ArrayList<>(txs.size());
        for (byte[] raw : txs) {
            out.add(deliver(raw, preverified));
        }
        return out;
    }

    /** Decoding and stateless checks shared by CheckTx and DeliverTx. */
    public Object decodeAndVerify(byte[] raw, boolean verifySignature) {
        if (raw != null && raw.length > Tx.MAX_TX_BYTES) {
            return new Outcome(Codes.TOO_LARGE,
                    "tx of " + raw.length + " bytes exceeds the limit of " + Tx.MAX_TX_BYTES + " bytes");
        }
        Tx tx;
        try {
            tx = Tx.decode(raw);
        } catch (MalformedException e) {
            return new Outcome(e.getMessage().startsWith("unknown tx type") ? Codes.UNKNOWN_TYPE : Codes.MALFORMED,
                    e.getMessage());
        }
        if (!network.equals(tx.network())) {
            return new Outcome(Codes.WRONG_NETWORK, "tx is for network '" + tx.network() + "', this is '" + network
                    + "'");
        }
        if (verifySignature && !tx.verifySignature()) {
            return new Outcome(Codes.BAD_SIGNATURE, "invalid signature");
        }
        return tx;
    }

    private Outcome deliver(byte[] raw, java.util.function.Function<byte[], Tx> preverified) {
        Tx cached = raw != null && raw.length <= Tx.MAX_TX_BYTES ? preverified.apply(Crypto.sha256(raw)) : null;
        Object d = cached != null && java.util.Arrays.equals(cached.encoded(), raw) ? cached
                : decodeAndVerify(raw, true);
        if (d instanceof Outcome o) {
            return o;
        }
        Tx tx = (Tx) d;
        Scope s = new Scope();
        try {
            byte[] sender = tx.sender();
            Records.Account acc = s.account(sender);
            if (tx.nonce() != acc.nonce) {
                throw new Reject(Codes.BAD_NONCE, "wrong nonce: expected " + acc.nonce + ", got " + tx.nonce());
            }
            acc.nonce++;
            s.putAccount(sender, acc);
            apply(s, tx, sender);
            s.commit();
            return Outcome.OK;
        } catch (Reject r) {
            return new Outcome(r.code, r.getMessage());
        } catch (ArithmeticException e) {
            return new Outcome(Codes.INVALID, "amount overflow");
        }
    }

    private void apply(Scope s, Tx tx, byte[] sender) throws Reject {
        Tx.Body body = tx.body();
        if (body instanceof Tx.Transfer t) {
                positive(t.amount(), "amount");
                debit(s, sender, t.amount());
                credit(s, t.to(), t.amount());
            } else if (body instanceof Tx.RegisterNode r) {
                Records.Node node = s.node(sender);
                boolean fresh = node == null;
                if (fresh) {
                    node = new Records.Node();
                }
                if (node.stake + r.stake() < params.minStake()) {
                    throw new Reject(Codes.INVALID, "stake " + (node.stake + r.stake()) + " below the minimum "
                            + params.minStake());
                }
                debit(s, sender, r.stake());
                node.stake = Math.addExact(node.stake, r.stake());
                node.modes = r.modes();
                node.evidenceHash = Crypto.sha256(r.evidence());
                s.putNode(sender, node);
                Records.Globals g = s.globals();
                g.staked += r.stake();
                s.putGlobals(g);
            } else if (body instanceof Tx.SubmitResult r) {
                submitResult(s, tx, sender, r);
            } else if (body instanceof Tx.Verdict v) {
                verdict(s, sender, v);
            } else if (body instanceof Tx.BatchSettle b) {
                batchSettle(s, sender, b);
            } else if (body instanceof Tx.Unbond u) {
                positive(u.amount(), "amount");
                Records.Node node = s.node(sender);
                if (node == null) {
                    throw new Reject(Codes.NOT_FOUND, "sender is not a registered inference node");
                }
                if (node.stake < u.amount()) {
                    throw new Reject(Codes.INSUFFICIENT_FUNDS, "stake " + node.stake + " < unbond " + u.amount());
                }
                node.stake -= u.amount();
                node.unbonding += u.amount();
                node.releaseHeight = height + params.unbondingBlocks();
                s.putNode(sender, node);
            } else if (body instanceof Tx.Withdraw w) {
                Records.Node node = s.node(sender);
                if (node == null || node.unbonding == 0) {
                    throw new Reject(Codes.NOT_FOUND, "nothing unbonding");
                }
                if (height < node.releaseHeight) {
                    throw new Reject(Codes.INVALID, "unbonding stake is released at height " + node.releaseHeight);
                }
                long amount = node.unbonding;
                node.unbonding = 0;
                s.putNode(sender, node);
                credit(s, sender, amount);
                Records.Globals g = s.globals();
                g.staked -= amount;
                s.putGlobals(g);
            }
    }

    private void submitResult(Scope s, Tx tx, byte[] payer, Tx.SubmitResult r) throws Reject {
        byte[] key = Records.inferenceKey(r.requestId());
        if (s.get(key) != null) {
            throw new Reject(Codes.DUPLICATE, "request id '" + r.requestId() + "' already submitted");
        }
        Records.Node node = s.node(r.node());
        if (node == null) {
            throw new Reject(Codes.NOT_FOUND, "node " + Crypto.addressHex(r.node()) + " is not registered");
        }
        if ((node.modes & (1 << r.mode())) == 0) {
            throw new Reject(Codes.INVALID, "node does not offer mode " + Tx.MODE_NAMES[r.mode()]);
        }
        if (node.stake < params.minStake()) {
            throw new Reject(Codes.INVALID, "node stake " + node.stake + " below the minimum " + params.minStake());
        }
        if (r.mode() == Tx.MODE_VANILLA) {
            if (r.proofKind() != Tx.PROOF_NONE || !r.scheme().isEmpty()) {
                throw new Reject(Codes.INVALID, "a VANILLA result carries no proof");
            }
        } else if (r.proofKind() == Tx.PROOF_NONE || r.scheme().isEmpty()) {
            throw new Reject(Codes.INVALID, "a " + Tx.MODE_NAMES[r.mode()] + " result needs a scheme and a proof");
        }
        if (r.fee() < params.minFee()) {
            throw new Reject(Codes.INVALID, "fee " + r.fee() + " below the minimum " + params.minFee());
        }
        debit(s, payer, r.fee());
        Records.Globals g = s.globals();
        g.escrowed += r.fee();
        s.putGlobals(g);
        Records.Inference inf = new Records.Inference();
        inf.requestId = r.requestId();
        inf.status = Records.Inference.PENDING;
        inf.mode = r.mode();
        inf.scheme = r.scheme();
        inf.payer = payer;
        inf.node = r.node();
        inf.fee = r.fee();
        inf.submitted = height;
        inf.txHash = tx.hash();
        if (r.mode() == Tx.MODE_VANILLA) {
            inf.settleHeight = height + params.challengeWindowBlocks();
            byte[] qk = Records.queueKey(inf.settleHeight);
            byte[] q = s.get(qk);
            byte[] id = key;
            byte[] nq = q == null ? id : concat(q, id);
            s.put(qk, nq);
        }
        s.put(key, inf.encode());
    }

    private void verdict(Scope s, byte[] reporter, Tx.Verdict v) throws Reject {
        if (s.get(Records.key(Records.VALIDATOR, reporter)) == null) {
            throw new Reject(Codes.UNAUTHORIZED, "only validators may submit verdicts");
        }
        byte[] key = Records.inferenceKey(v.requestId());
        Records.Inference inf = Records.Inference.decode(s.get(key));
        if (inf == null) {
            throw new Reject(Codes.NOT_FOUND, "unknown request id '" + v.requestId() + "'");
        }
        if (inf.status != Records.Inference.PENDING) {
            throw new Reject(Codes.DUPLICATE, "request '" + v.requestId() + "' is already settled");
        }
        if (v.valid()) {
            if (inf.mode == Tx.MODE_VANILLA) {
                throw new Reject(Codes.INVALID, "VANILLA results settle after the challenge window");
            }
            payOut(s, inf, reporter);
            inf.status = Records.Inference.VERIFIED;
        } else {
            slash(s, inf, reporter);
            inf.status = Records.Inference.REJECTED;
        }
        inf.reason = v.reason();
        if (inf.mode == Tx.MODE_VANILLA) {
            removeFromQueue(s, inf.settleHeight, key);
        }
        inf.settleHeight = height;
        s.put(key, inf.encode());
    }

    /** Valid settlement: fee - share to the node, burn, rest of the share to {@code beneficiary}. */
    private void payOut(Scope s, Records.Inference inf, byte[] beneficiary) throws Reject {
        long share = mulBps(inf.fee, params.protocolShareBps());
        long burn = mulBps(inf.fee, params.settlementBurnBps());
        long toNode = inf.fee - share;
        Records.Globals g = s.globals();
        g.escrowed -= inf.fee;
        g.burned += burn;
        s.putGlobals(g);
        credit(s, inf.node, toNode);
        credit(s, beneficiary, share - burn);
        inf.paid = toNode;
        inf.burned = burn;
        s.paid += toNode;
        s.burned += burn;
    }

    private void slash(Scope s, Records.Inference inf, byte[] reporter) throws Reject {
        Records.Node node = s.node(inf.node);
        long slash = mulBps(node.stake + node.unbonding, params.slashBps());
        long fromStake = Math.min(slash, node.stake);
        node.stake -= fromStake;
        node.unbonding -= slash - fromStake;
        s.putNode(inf.node, node);
        long burn = mulBps(slash, params.slashBurnBps());
        Records.Globals g = s.globals();
        g.escrowed -= inf.fee;
        g.staked -= slash;
        g.burned += burn;
        s.putGlobals(g);
        credit(s, inf.payer, inf.fee);
        credit(s, reporter, slash - burn);
        inf.burned = burn;
        inf.paid = 0;
        s.burned += burn;
    }

    private void settleDueVanilla() {
        byte[] qk = Records.queueKey(height);
        byte[] q = state.get(qk);
        if (q == null) {
            return;
        }
        Scope s = new Scope();
        try {
            Records.Globals g = s.globals();
            for (int i = 0; i < q.length; i += 33) {
                byte[] key = Arrays.copyOfRange(q, i, i + 33);
                Records.Inference inf = Records.Inference.decode(s.get(key));
                if (inf == null || inf.status != Records.Inference.PENDING) {
                    continue;
                }
                payOut(s, inf, g.treasury);
                inf.status = Records.Inference.SETTLED;
                inf.reason = "challenge window ended";
                s.put(key, inf.encode());
            }
            s.put(qk, null);
            s.commit();
        } catch (Reject e) {
            throw new IllegalStateException("settlement failed: " + e.getMessage(), e);
        }
    }

    private static void removeFromQueue(Scope s, long settleHeight, byte[] key) {
        byte[] qk = Records.queueKey(settleHeight);
        byte[] q = s.get(qk);
        if (q == null) {
            return;
        }
        byte[] out = new byte[q.length];
        int n = 0;
        for (int i = 0; i < q.length; i += 33) {
            if (!Arrays.equals(q, i, i + 33, key, 0, 33)) {
                System.arraycopy(q, i, out, n, 33);
                n += 33;
            }
        }
        s.put(qk, n == 0 ? null : Arrays.copyOf(out, n));
    }

    private void batchSettle(Scope s, byte[] payer, Tx.BatchSettle b) throws Reject {
        byte[] root = Merkle.root(b.leaves());
        if (!Arrays.equals(root, b.root())) {
            throw new Reject(Codes.INVALID, "batch root does not match its leaves");
        }
        byte[] key = Records.key(Records.BATCH, root);
        if (s.get(key) != null) {
            throw new Reject(Codes.DUPLICATE, "batch already settled");
        }
        Records.Node node = s.node(b.node());
        if (node == null || node.stake < params.minStake()) {
            throw new Reject(Codes.NOT_FOUND, "node " + Crypto.addressHex(b.node()) + " is not an active node");
        }
        long minFee = Math.multiplyExact(params.minFee(), (long) b.leaves().size());
        if (b.fee() < minFee) {
            throw new Reject(Codes.INVALID, "batch fee " + b.fee() + " below the minimum " + minFee);
        }
        debit(s, payer, b.fee());
        long share = mulBps(b.fee(), params.protocolShareBps());
        long burn = mulBps(b.fee(), params.settlementBurnBps());
        Records.Globals g = s.globals();
        g.burned += burn;
        s.putGlobals(g);
        credit(s, b.node(), b.fee() - share);
        credit(s, g.treasury, share - burn);
        s.paid += b.fee() - share;
        s.burned += burn;
        s.put(key, new Wire.Writer().raw(b.node()).raw(payer).u32(b.leaves().size()).u64(b.fee()).u64(height)
                .toByteArray());
    }

    private static long mulBps(long amount, int bps) {
        return amount / 10_000 * bps + amount % 10_000 * bps / 10_000;
    }

    private static void positive(long v, String what) throws Reject {
        if (v <= 0) {
            throw new Reject(Codes.INVALID, what + " must be positive");
        }
    }

    private static void debit(Scope s, byte[] addr, long amount) throws Reject {
        Records.Account a = s.account(addr);
        if (a.balance < amount) {
            throw new Reject(Codes.INSUFFICIENT_FUNDS, "insufficient balance: " + a.balance + " < " + amount);
        }
        a.balance -= amount;
        s.putAccount(addr, a);
    }

    private static void credit(Scope s, byte[] addr, long amount) {
        if (amount == 0) {
            return;
        }
        Records.Account a = s.account(addr);
        a.balance = Math.addExact(a.balance, amount);
        s.putAccount(addr, a);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Copy-on-write view of the state for one transaction. */
    private final class Scope {
        private static final byte[] DELETED = new byte[0];
        private final Map<StateTree.Key, byte[]> writes = new HashMap<>();
        private final List<StateTree.Key> order = new ArrayList<>();

        byte[] get(byte[] key) {
            byte[] v = writes.get(new StateTree.Key(key));
            if (v != null) {
                return v == DELETED ? null : v;
            }
            return state.get(key);
        }

        void put(byte[] key, byte[] value) {
            StateTree.Key k = new StateTree.Key(key);
            if (writes.put(k, value == null ? DELETED : value) == null) {
                order.add(k);
            }
        }

        Records.Account account(byte[] addr) {
            return Records.Account.decode(get(Records.key(Records.ACCOUNT, addr)));
        }

        void putAccount(byte[] addr, Records.Account a) {
            put(Records.key(Records.ACCOUNT, addr), a.encode());
        }

        Records.Node node(byte[] addr) {
            return Records.Node.decode(get(Records.key(Records.NODE, addr)));
        }

        void putNode(byte[] addr, Records.Node n) {
            put(Records.key(Records.NODE, addr), n.encode());
        }

        Records.Globals globals() {
            return Records.Globals.decode(get(Records.GLOBALS_KEY));
        }

        void putGlobals(Records.Globals g) {
            put(Records.GLOBALS_KEY, g.encode());
        }

        /** Paid to inference nodes / burned by this tx: statistics counted only if the tx commits. */
        long paid;
        long burned;

        void commit() {
            for (StateTree.Key k : order) {
                byte[] v = writes.get(k);
                state.put(k.bytes(), v == DELETED ? null : v);
            }
            blockPaid += paid;
            blockBurned += burned;
        }
    }
}
