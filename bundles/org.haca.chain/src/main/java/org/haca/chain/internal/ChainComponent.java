package org.haca.chain.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.haca.api.chain.Block;
import org.haca.api.chain.ChainApplication;
import org.haca.api.chain.ChainQuery;
import org.haca.api.chain.ChainTransactions;
import org.haca.api.chain.ResultSubmission;
import org.haca.api.chain.TxResult;
import org.haca.api.economics.AccountView;
import org.haca.api.economics.EconomicsParameters;
import org.haca.api.economics.EconomicsPolicy;
import org.haca.api.economics.InferenceRecord;
import org.haca.api.economics.Ledger;
import org.haca.api.metrics.MetricsSink;
import org.haca.api.metrics.MetricsSource;
import org.haca.api.economics.Supply;
import org.haca.api.proof.Proof;
import org.haca.api.proof.Statement;
import org.haca.chain.internal.core.Crypto;
import org.haca.chain.internal.core.Genesis;
import org.haca.chain.internal.core.Hex;
import org.haca.chain.internal.core.MalformedException;
import org.haca.chain.internal.core.Tx;
import org.haca.chain.internal.store.RocksStore;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.Gson;

/**
 * The chain service: opens (or creates) the RocksDB store under {@code <haca.data.dir>/chain}, loads or creates the
 * genesis, and registers the application for consensus engines plus the query, ledger and tx-building services.
 *
 * <p>Genesis: {@code <data>/genesis.json} when present ({@code {network, balances:{addr:amount}, validators:[addr],
 * nodes:[{address, stake, modes}], treasury}}). Otherwise, in dev mode, a generated dev account funded with
 * {@code devFunds}, this node's inference key registered with {@code devNodeStake}, this node's validator key; the dev
 * account's key is printed once when generated. Outside dev mode without genesis.json: only this node's validator.
 */
@Component(immediate = true, service = { ChainApplication.class, ChainQuery.class, Ledger.class,
        ChainTransactions.class, ChainNodeInfo.class, MetricsSource.class }, configurationPid = "org.haca.chain")
@Designate(ocd = ChainComponent.Config.class)
public class ChainComponent implements ChainApplication, ChainQuery, Ledger, ChainTransactions, ChainNodeInfo,
        MetricsSource {
    private static final Logger LOG = LoggerFactory.getLogger(ChainComponent.class);

    @ObjectClassDefinition(name = "haca chain", description = "Chain state machine and store")
    public @interface Config {
        @AttributeDefinition(description = "Dev genesis: funds of the generated dev account (base units)")
        long devFunds() default 1_000_000_000_000L;

        @AttributeDefinition(description = "Dev genesis: stake of this node's inference account")
        long devNodeStake() default 1_000_000_000L;

        @AttributeDefinition(description = "Check the supply invariant after every block (always on in dev mode)")
        boolean checkInvariant() default false;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EconomicsPolicy policy;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile org.haca.api.chain.ConsensusEngine engine;

    private Chain chain;
    private String network;
    private Crypto.KeyPair validator;
    private Crypto.KeyPair payer;
    private Crypto.KeyPair inferenceNode;
    private final Object submitLock = new Object();

    @Activate
    void activate(BundleContext ctx, Config config) throws IOException {
        Path data = Path.of(prop(ctx, "haca.data.dir", "data")).toAbsolutePath();
        boolean dev = Boolean.parseBoolean(prop(ctx, "haca.dev", "false"));
        network = prop(ctx, "haca.network.id", dev ? "haca-dev" : "haca");
        Path keys = data.resolve("keys");
        validator = Keys.loadOrGenerate(keys.resolve("validator.key")).key();
        Genesis genesis;
        Path genesisFile = data.resolve("genesis.json");
        if (Files.exists(genesisFile)) {
            genesis = readGenesis(genesisFile);
            network = genesis.network();
        } else if (dev) {
            Keys.Loaded devKey = Keys.loadOrGenerate(keys.resolve("dev-account.key"));
            payer = devKey.key();
            inferenceNode = Keys.loadOrGenerate(keys.resolve("inference-node.key")).key();
            if (devKey.generated()) {
                String banner = "\n==== haca dev account (generated; dev mode only) ====\n  address:     "
                        + payer.addressHex() + "\n  private key: 0x" + Hex.encode(payer.privateKey())
                        + "\n  stored in:   " + keys.resolve("dev-account.key") + "\n";
                System.out.println(banner);
            }
            LOG.info("dev account {} pays for /infer; inference node {}", payer.addressHex(),
                    inferenceNode.addressHex());
            genesis = new Genesis(network, Map.of(payer.addressHex(), config.devFunds()),
                    List.of(validator.addressHex()),
                    List.of(new Genesis.GenesisNode(inferenceNode.addressHex(), config.devNodeStake(), 7)),
                    validator.addressHex());
        } else {
            genesis = new Genesis(network, Map.of(), List.of(validator.addressHex()), List.of(),
                    validator.addressHex());
        }
        if (!dev) {
            Path p = keys.resolve("dev-account.key");
            if (Files.exists(p)) {
                payer = Keys.loadOrGenerate(p).key();
            }
            Path n = keys.resolve("inference-node.key");
            if (Files.exists(n)) {
                inferenceNode = Keys.loadOrGenerate(n).key();
            }
        }
        chain = new Chain(new RocksStore(data.resolve("chain")), genesis, this::currentParams,
                dev || config.checkInvariant());
        CommittedState c = chain.lastCommitted();
        LOG.info("chain '{}' opened at height {} (state root {}), validator {}", network, c.height(), c.stateRoot(),
                validator.addressHex());
    }

    private EconomicsParameters currentParams() {
        EconomicsPolicy p = policy;
        return p == null ? (chain == null ? EconomicsParameters.DEFAULTS : null) : p.parameters();
    }

    @Deactivate
    void deactivate() {
        synchronized (this) {
            chain.close();
        }
    }

    private static String prop(BundleContext ctx, String key, String def) {
        String v = ctx.getProperty(key);
        return v == null || v.isBlank() ? def : v;
    }

    private static final class GenesisJson {
        String network;
        Map<String, Long> balances = Map.of();
        List<String> validators = List.of();
        List<Genesis.GenesisNode> nodes = List.of();
        String treasury;
    }

    static Genesis readGenesis(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file)) {
            GenesisJson g = new Gson().fromJson(r, GenesisJson.class);
            if (g == null || g.network == null || g.treasury == null) {
                throw new IOException(file + ": network and treasury are required");
            }
            return new Genesis(g.network, g.balances, g.validators, g.nodes, g.treasury);
        }
    }

    Chain chain() {
        return chain;
    }

    // ---------------------------------------------------------------- delegation

    @Override
    public TxResult checkTx(byte[] tx) {
        return chain.checkTx(tx);
    }

    @Override
    public BlockOutcome finalizeBlock(long height, long timeMillis, List<byte[]> txs) {
        return chain.finalizeBlock(height, timeMillis, txs);
    }

    @Override
    public void commit() {
        chain.commit();
    }

    @Override
    public CommittedState lastCommitted() {
        return chain.lastCommitted();
    }

    @Override
    public long height() {
        return chain.height();
    }

    @Override
    public Optional<Block> block(long height) {
        return chain.block(height);
    }

    @Override
    public Optional<TxRecord> tx(String txHash) {
        return chain.tx(txHash);
    }

    @Override
    public Supply supply() {
        return chain.supply();
    }

    @Override
    public void collect(MetricsSink sink) {
        Chain c = chain;
        if (c != null) {
            c.metrics().collect(sink);
        }
    }

    @Override
    public Optional<AccountView> account(String address) {
        return chain.account(address);
    }

    @Override
    public Optional<InferenceRecord> inference(String requestId) {
        return chain.inference(requestId);
    }

    // ---------------------------------------------------------------- ChainTransactions

    @Override
    public String networkId() {
        return network;
    }

    /**
     * Signs with the next nonce the chain expects (committed + admitted to the mempool) and submits, under one lock: the
     * mempool nonce only advances when admission succeeds, so a rejected tx leaves no gap.
     */
    private Submission signAndSubmit(Crypto.KeyPair k, Tx.Body body) {
        org.haca.api.chain.ConsensusEngine e = engine;
        if (e == null) {
            throw new IllegalStateException("no consensus engine is running");
        }
        synchronized (submitLock) {
            byte[] tx = Tx.sign(network, chain.expectedNonce(k.address()), k, body).encoded();
            return new Submission(txHash(tx), e.submit(tx));
        }
    }

    @Override
    public Submission submitResult(String requestId, String mode, Statement st, Proof proof, long fee) {
        if (payer == null || inferenceNode == null) {
            throw new IllegalStateException("this node has no payer/inference key (dev mode creates them)");
        }
        int m = switch (mode) {
            case "VANILLA" -> Tx.MODE_VANILLA;
            case "TEE" -> Tx.MODE_TEE;
            case "ZKML" -> Tx.MODE_ZKML;
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        };
        String scheme = proof == null ? "" : proof.scheme();
        int kind = proof == null ? Tx.PROOF_NONE
                : proof.size() <= Tx.MAX_PROOF ? Tx.PROOF_INLINE : Tx.PROOF_HASH;
        byte[] payload = proof == null ? new byte[0]
                : kind == Tx.PROOF_INLINE ? proof.payload() : Crypto.sha256(proof.payload());
        Tx.SubmitResult body = new Tx.SubmitResult(requestId, inferenceNode.address(), hash32(st.modelHash()),
                hash32(st.inputHash()), hash32(st.outputHash()), m, scheme, st.nonce(), st.timestampMillis(), fee,
                kind, payload);
        return signAndSubmit(payer, body);
    }

    private static byte[] hash32(String hex) {
        byte[] b = Hex.decode(hex);
        if (b.length != 32) {
            throw new IllegalArgumentException("expected a 32-byte hex hash");
        }
        return b;
    }

    @Override
    public Submission submitVerdict(String requestId, boolean valid, String reason) {
        String r = reason.length() > 200 ? reason.substring(0, 200) : reason;
        return signAndSubmit(validator, new Tx.Verdict(requestId, valid, r));
    }

    @Override
    public List<ResultSubmission> resultsIn(Block block) {
        return results(block, network);
    }

    static List<ResultSubmission> results(Block block, String network) {
        List<ResultSubmission> out = new ArrayList<>();
        for (int i = 0; i < block.txs().size(); i++) {
            if (!block.results().get(i).ok()) {
                continue;
            }
            Tx tx;
            try {
                tx = Tx.decode(block.txs().get(i));
            } catch (MalformedException e) {
                continue;
            }
            if (tx.body() instanceof Tx.SubmitResult r) {
                Statement st = new Statement(network, Hex.encode(r.modelHash()), Hex.encode(r.inputHash()),
                        Hex.encode(r.outputHash()), r.nonce(), r.timestamp());
                Proof proof = r.proofKind() == Tx.PROOF_INLINE ? new Proof(r.scheme(), r.proof(), Map.of()) : null;
                String proofHash = r.proofKind() == Tx.PROOF_NONE ? ""
                        : r.proofKind() == Tx.PROOF_HASH ? Hex.encode(r.proof()) : Hex.encode(Crypto.sha256(r.proof()));
                out.add(new ResultSubmission(r.requestId(), block.results().get(i).txHash(), block.height(),
                        Crypto.addressHex(tx.sender()), Crypto.addressHex(r.node()), Tx.MODE_NAMES[r.mode()],
                        r.scheme(), st, proof, proofHash, r.fee()));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- ChainNodeInfo (RPC)

    @Override
    public ChainQuery query() {
        return this;
    }

    @Override
    public Ledger ledger() {
        return this;
    }

    @Override
    public String network() {
        return network;
    }

    @Override
    public String validatorAddressHex() {
        return validator.addressHex();
    }

    @Override
    public byte[] validatorPublicKey() {
        return validator.publicKey();
    }

    @Override
    public byte[] rawState(byte[] key) {
        return chain.rawState(key);
    }

    @Override
    public String appHashAtHead() {
        return chain.lastCommitted().stateRoot();
    }

    @Override
    public String txHash(byte[] tx) {
        return Hex.encode(Crypto.sha256(tx));
    }
}
