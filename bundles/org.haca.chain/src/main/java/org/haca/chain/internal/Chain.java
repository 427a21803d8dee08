package org.haca.chain.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.haca.api.chain.Block;
import org.haca.api.chain.ChainApplication;
import org.haca.api.chain.ChainQuery;
import org.haca.api.chain.TxResult;
import org.haca.api.economics.AccountView;
import org.haca.api.economics.EconomicsParameters;
import org.haca.api.economics.InferenceRecord;
import org.haca.api.economics.Ledger;
import org.haca.api.economics.Supply;
import org.haca.chain.internal.core.Codes;
import org.haca.chain.internal.core.Crypto;
import org.haca.chain.internal.core.Genesis;
import org.haca.chain.internal.core.Hex;
import org.haca.chain.internal.core.Invariants;
import org.haca.chain.internal.core.MalformedException;
import org.haca.chain.internal.core.Merkle;
import org.haca.chain.internal.core.Outcome;
import org.haca.chain.internal.core.Records;
import org.haca.chain.internal.core.StateMachine;
import org.haca.chain.internal.core.StateTree;
import org.haca.chain.internal.core.Tx;
import org.haca.chain.internal.core.Wire;
import org.haca.chain.internal.store.Store;

/**
 * The chain application: {@link StateMachine} + durable {@link Store}. Implements the ABCI-shaped
 * {@link ChainApplication} for consensus engines and the read-side {@link ChainQuery} / {@link Ledger}, which answer
 * from the store (committed state only).
 */
public final class Chain implements ChainApplication, ChainQuery, Ledger, AutoCloseable {
    public static final String ZERO_HASH = "0".repeat(64);

    private final Store store;
    private final StateMachine sm;
    private final Supplier<EconomicsParameters> params;
    private final boolean checkInvariant;
    /** Txs that passed CheckTx (decoded, signature verified), by hash, for the block that includes them. */
    private final Map<StateTree.Key, Tx> preverified = new ConcurrentHashMap<>();
    private final Map<StateTree.Key, Long> mempoolNonce = new ConcurrentHashMap<>();

    private volatile Head head;
    private Pending pending;

    record Head(long height, byte[] stateRoot, byte[] blockHash, long time) {
        byte[] encode() {
            return new Wire.Writer().u64(height).raw(stateRoot).raw(blockHash).u64(time).toByteArray();
        }

        static Head decode(byte[] b) {
            try {
                Wire.Reader r = new Wire.Reader(b);
                return new Head(r.u64("height"), r.raw(32, "root"), r.raw(32, "hash"), r.u64("time"));
            } catch (MalformedException e) {
                throw new IllegalStateException("corrupt chain head", e);
            }
        }
    }

    private record Pending(long height, long time, List<byte[]> txs, List<Outcome> outcomes, byte[] stateRoot,
            long paid, long burned) {
    }

    private final ChainMetrics metrics = new ChainMetrics();

    /** Counters over the blocks this process committed (for {@code /metrics}). */
    ChainMetrics metrics() {
        return metrics;
    }

    /**
     * Opens the chain: a new store gets the genesis state; an existing one is loaded and its state root checked against
     * the head written by the last commit.
     */
    public Chain(Store store, Genesis genesis, Supplier<EconomicsParameters> params, boolean checkInvariant) {
        this.store = store;
        this.params = params;
        this.checkInvariant = checkInvariant;
        byte[] h = store.head();
        if (h == null) {
            EconomicsParameters p0 = params.get();
            sm = StateMachine.genesis(genesis, p0 == null ? EconomicsParameters.DEFAULTS : p0);
            byte[] root = sm.stateRoot();
            head = new Head(0, root, new byte[32], 0);
            store.commit(sm.state().drainDirty(), 0, null, List.of(), head.encode());
        } else {
            head = Head.decode(h);
            StateTree tree = new StateTree();
            store.forEachState(tree::load);
            byte[] pbytes = tree.get(Records.PARAMS_KEY);
            sm = new StateMachine(genesis.network(), tree, head.height,
                    decodeParams(pbytes, EconomicsParameters.DEFAULTS));
            byte[] root = sm.stateRoot();
            if (!java.util.Arrays.equals(root, head.stateRoot)) {
                throw new IllegalStateException("state root mismatch at height " + head.height + ": stored "
                        + Hex.encode(head.stateRoot) + ", recomputed " + Hex.encode(root));
            }
        }
        if (checkInvariant) {
            assertInvariant();
        }
    }

    private static EconomicsParameters decodeParams(byte[] b, EconomicsParameters fallback) {
        if (b == null) {
            return fallback;
        }
        try {
            Wire.Reader r = new Wire.Reader(b);
            return new EconomicsParameters(r.u32("p"), r.u32("p"), r.u32("p"), r.u32("p"), r.u64("p"), r.u64("p"),
                    r.u64("p"), r.u64("p"));
        } catch (MalformedException e) {
            throw new IllegalStateException("corrupt parameters", e);
        }
    }

    public String network() {
        return sm.network();
    }

    // ---------------------------------------------------------------- ChainApplication

    @Override
    public TxResult checkTx(byte[] raw) {
        String hash = raw == null ? ZERO_HASH : Hex.encode(Crypto.sha256(raw));
        Object d = sm.decodeAndVerify(raw, true);
        if (d instanceof Outcome o) {
            return new TxResult(hash, o.code(), o.log(), 0);
        }
        Tx tx = (Tx) d;
        StateTree.Key sender = new StateTree.Key(tx.sender());
        Records.Account acc = Records.Account.decode(store.state(Records.key(Records.ACCOUNT, tx.sender())));
        long[] verdict = { 0 };
        mempoolNonce.compute(sender, (k, next) -> {
            // committed nonce read inside the atomic section: commit() prunes entries after writing the store
            long committedNonce = nonce(tx.sender());
            long expected = next == null ? committedNonce : Math.max(next, committedNonce);
            if (tx.nonce() < committedNonce || tx.nonce() > expected) {
                verdict[0] = expected;
                return next;
            }
            verdict[0] = -1;
            return tx.nonce() == expected ? expected + 1 : expected;
        });
        if (verdict[0] >= 0) {
            return new TxResult(hash, Codes.BAD_NONCE, "wrong nonce: expected " + verdict[0] + ", got " + tx.nonce(),
                    0);
        }
        Tx.Body b = tx.body();
        long spend = b instanceof Tx.Transfer t ? t.amount()
                : b instanceof Tx.RegisterNode r ? r.stake()
                : b instanceof Tx.SubmitResult sr ? sr.fee()
                : b instanceof Tx.BatchSettle bs ? bs.fee() : 0;
        if (spend > acc.balance) {
            return new TxResult(hash, Codes.INSUFFICIENT_FUNDS, "insufficient balance: " + acc.balance + " < " + spend,
                    0);
        }
        if (preverified.size() < 500_000) {
            preverified.put(new StateTree.Key(tx.hash()), tx);
        }
        return new TxResult(hash, Codes.OK, "", 0);
    }

    @Override
    public synchronized BlockOutcome finalizeBlock(long height, long timeMillis, List<byte[]> txs) {
        if (pending != null) {
            throw new IllegalStateException("finalizeBlock called twice without commit");
        }
        List<Outcome> outcomes = sm.executeBlock(height, timeMillis, txs, params.get(),
                h -> preverified.remove(new StateTree.Key(h)));
        if (preverified.size() > 500_000) {
            preverified.clear(); // txs checked but never included (dropped by the engine)
        }
        byte[] root = sm.stateRoot();
        pending = new Pending(height, timeMillis, List.copyOf(txs), outcomes, root, sm.lastBlockPaid(),
                sm.lastBlockBurned());
        List<TxResult> results = new ArrayList<>(txs.size());
        for (int i = 0; i < txs.size(); i++) {
            Outcome o = outcomes.get(i);
            results.add(new TxResult(Hex.encode(Crypto.sha256(txs.get(i))), o.code(), o.log(), height));
        }
        return new BlockOutcome(results, Hex.encode(root));
    }

    @Override
    public synchronized void commit() {
        Pending p = pending;
        if (p == null) {
            throw new IllegalStateException("commit without finalizeBlock");
        }
        List<byte[]> hashes = new ArrayList<>(p.txs.size());
        for (byte[] t : p.txs) {
            hashes.add(Crypto.sha256(t));
        }
        byte[] txRoot = Merkle.root(hashes);
        List<byte[]> resultBytes = new ArrayList<>(p.outcomes.size());
        for (Outcome o : p.outcomes) {
            resultBytes.add(new Wire.Writer().u32(o.code()).str(o.log()).toByteArray());
        }
        byte[] header = new Wire.Writer().u8(1).str(sm.network()).u64(p.height).u64(p.time).raw(head.blockHash)
                .raw(txRoot).raw(p.stateRoot).raw(Merkle.root(resultBytes)).toByteArray();
        byte[] blockHash = Crypto.sha256(header);
        Wire.Writer w = new Wire.Writer().bytes(header).raw(blockHash).u32(p.txs.size());
        for (int i = 0; i < p.txs.size(); i++) {
            w.bytes(p.txs.get(i)).raw(resultBytes.get(i));
        }
        Head next = new Head(p.height, p.stateRoot, blockHash, p.time);
        store.commit(sm.state().drainDirty(), p.height, w.toByteArray(), hashes, next.encode());
        head = next;
        pending = null;
        int ok = 0;
        for (Outcome o : p.outcomes) {
            ok += o.ok() ? 1 : 0;
        }
        metrics.committed(ok, p.outcomes.size() - ok, p.paid, p.burned);
        // a tx that failed on its nonce means admitted txs were lost (dropped by the engine): re-sync that sender
        for (int i = 0; i < p.txs.size(); i++) {
            if (p.outcomes.get(i).code() == Codes.BAD_NONCE) {
                try {
                    mempoolNonce.remove(new StateTree.Key(Tx.decode(p.txs.get(i)).sender()));
                } catch (MalformedException | RuntimeException e) {
                    // not decodable: no sender to re-sync
                }
            }
        }
        // forget mempool nonces the chain has caught up with
        mempoolNonce.entrySet().removeIf(e -> {
            Records.Account a = Records.Account.decode(store.state(Records.key(Records.ACCOUNT, e.getKey().bytes())));
            return a.nonce >= e.getValue();
        });
        if (checkInvariant) {
            assertInvariant();
        }
    }

    /** Dev mode: supply invariant over the committed state; a violation stops the chain. */
    public void assertInvariant() {
        String v = Invariants.check(store::forEachState);
        if (v != null) {
            throw new IllegalStateException("supply invariant violated at height " + head.height + ": " + v);
        }
    }

    @Override
    public CommittedState lastCommitted() {
        Head h = head;
        return new CommittedState(h.height, Hex.encode(h.stateRoot));
    }

    /** Hash of the last committed block (zeros before the first). */
    public String lastBlockHash() {
        return Hex.encode(head.blockHash);
    }

    public long lastBlockTime() {
        return head.time;
    }

    // ---------------------------------------------------------------- ChainQuery

    @Override
    public long height() {
        return head.height;
    }

    @Override
    public Optional<Block> block(long height) {
        byte[] b = height <= 0 ? null : store.block(height);
        if (b == null) {
            return Optional.empty();
        }
        try {
            Wire.Reader r = new Wire.Reader(b);
            Wire.Reader h = new Wire.Reader(r.bytes(Integer.MAX_VALUE, "header"));
            h.u8("version");
            h.str(64, "network");
            long height2 = h.u64("height");
            long time = h.u64("time");
            byte[] prev = h.raw(32, "prev");
            byte[] txRoot = h.raw(32, "txRoot");
            byte[] stateRoot = h.raw(32, "stateRoot");
            byte[] hash = r.raw(32, "hash");
            int n = r.u32("count");
            List<byte[]> txs = new ArrayList<>(n);
            List<TxResult> results = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                byte[] tx = r.bytes(Integer.MAX_VALUE, "tx");
                int code = r.u32("code");
                String log = r.str(65535, "log");
                txs.add(tx);
                results.add(new TxResult(Hex.encode(Crypto.sha256(tx)), code, log, height2));
            }
            return Optional.of(new Block(height2, Hex.encode(hash), Hex.encode(prev), time, Hex.encode(txRoot),
                    Hex.encode(stateRoot), txs, results));
        } catch (MalformedException e) {
            throw new IllegalStateException("corrupt block " + height, e);
        }
    }

    @Override
    public Optional<TxRecord> tx(String txHash) {
        byte[] h;
        try {
            h = Hex.decode(txHash);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        byte[] loc = h.length == 32 ? store.txLocation(h) : null;
        if (loc == null) {
            return Optional.empty();
        }
        long height = java.nio.ByteBuffer.wrap(loc).getLong();
        int index = java.nio.ByteBuffer.wrap(loc, 8, 4).getInt();
        return block(height).map(b -> new TxRecord(b.results().get(index).txHash(), height, index, b.txs().get(index),
                b.results().get(index)));
    }

    // ---------------------------------------------------------------- Ledger

    @Override
    public Supply supply() {
        Records.Globals g = Records.Globals.decode(store.state(Records.GLOBALS_KEY));
        return new Supply(g.total, g.circulating(), g.staked, g.escrowed, g.burned);
    }

    @Override
    public Optional<AccountView> account(String address) {
        byte[] a;
        try {
            a = Crypto.parseAddress(address);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        byte[] acc = store.state(Records.key(Records.ACCOUNT, a));
        Records.Node node = Records.Node.decode(store.state(Records.key(Records.NODE, a)));
        if (acc == null && node == null) {
            return Optional.empty();
        }
        Records.Account ac = Records.Account.decode(acc);
        long staked = node == null ? 0 : node.stake + node.unbonding;
        return Optional.of(new AccountView(Crypto.addressHex(a), ac.balance, staked, ac.nonce));
    }

    /** The nonce the next tx of this address must carry: committed nonce plus txs admitted to the mempool. */
    public long expectedNonce(byte[] address) {
        Long next = mempoolNonce.get(new StateTree.Key(address));
        long committed = nonce(address);
        return next == null ? committed : Math.max(next, committed);
    }

    /** Committed nonce of an address (0 for an unknown one). */
    public long nonce(byte[] address) {
        return Records.Account.decode(store.state(Records.key(Records.ACCOUNT, address))).nonce;
    }

    @Override
    public Optional<InferenceRecord> inference(String requestId) {
        Records.Inference i = Records.Inference.decode(store.state(Records.inferenceKey(requestId)));
        if (i == null) {
            return Optional.empty();
        }
        InferenceRecord.Status st = InferenceRecord.Status.values()[i.status];
        return Optional.of(new InferenceRecord(i.requestId, st, Tx.MODE_NAMES[i.mode], i.scheme,
                Crypto.addressHex(i.payer), Crypto.addressHex(i.node), i.fee, i.paid, i.burned, i.submitted,
                i.settleHeight, i.reason, Hex.encode(i.txHash)));
    }

    /** Raw committed state value (for abci_query). */
    public byte[] rawState(byte[] key) {
        return store.state(key);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        store.close();
    }
}
