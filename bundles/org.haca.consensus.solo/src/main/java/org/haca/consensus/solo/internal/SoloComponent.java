package org.haca.consensus.solo.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import org.haca.api.chain.Block;
import org.haca.api.chain.BlockListener;
import org.haca.api.chain.ChainApplication;
import org.haca.api.chain.ChainQuery;
import org.haca.api.chain.ConsensusEngine;
import org.haca.api.chain.TxResult;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Registers the solo {@link ConsensusEngine}; BlockListener services are picked up as a whiteboard. */
@Component(service = ConsensusEngine.class, property = "engine=solo", configurationPid = "org.haca.consensus.solo")
@Designate(ocd = SoloComponent.Config.class)
public class SoloComponent implements ConsensusEngine {

    @ObjectClassDefinition(name = "haca solo consensus")
    public @interface Config {
        @AttributeDefinition(description = "Minimum milliseconds between blocks (a block is cut only when txs are pending)")
        long blockIntervalMs() default 100;

        @AttributeDefinition(description = "Cut an empty block after this many idle ms so height-based deadlines (VANILLA challenge window, unbonding) advance; 0 = only blocks with txs")
        long emptyBlockIntervalMs() default 1000;

        @AttributeDefinition(description = "Maximum txs per block")
        int maxBlockTxs() default 20_000;

        @AttributeDefinition(description = "Mempool capacity; a full mempool rejects submissions (back-pressure)")
        int maxMempool() default 100_000;
    }

    @Reference
    ChainApplication app;

    @Reference
    ChainQuery query;

    private final List<BlockListener> listeners = new CopyOnWriteArrayList<>();
    private SoloEngine engine;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(BlockListener l) {
        listeners.add(l);
    }

    void removeListener(BlockListener l) {
        listeners.remove(l);
    }

    @Activate
    void activate(Config c) {
        if (c.blockIntervalMs() < 0 || c.emptyBlockIntervalMs() < 0 || c.maxBlockTxs() < 1 || c.maxMempool() < 1) {
            throw new IllegalArgumentException("blockIntervalMs >= 0, emptyBlockIntervalMs >= 0, maxBlockTxs >= 1, maxMempool >= 1 required");
        }
        engine = new SoloEngine(app, query, () -> listeners, c.blockIntervalMs(), c.emptyBlockIntervalMs(),
                c.maxBlockTxs(), c.maxMempool());
    }

    @Deactivate
    void deactivate() {
        engine.stop();
    }

    @Override
    public String engineId() {
        return engine.engineId();
    }

    @Override
    public long height() {
        return engine.height();
    }

    @Override
    public CompletionStage<TxResult> submit(byte[] tx) {
        return engine.submit(tx);
    }

    @Override
    public Optional<Block> block(long height) {
        return engine.block(height);
    }
}
