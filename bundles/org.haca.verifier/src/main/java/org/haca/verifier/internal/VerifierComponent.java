package org.haca.verifier.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.haca.api.chain.Block;
import org.haca.api.chain.BlockListener;
import org.haca.api.chain.ChainQuery;
import org.haca.api.chain.ChainTransactions;
import org.haca.api.chain.ResultSubmission;
import org.haca.api.economics.Ledger;
import org.haca.api.chain.TxResult;
import org.haca.api.chain.VerificationMonitor;
import org.haca.api.proof.ProofSystem;
import org.osgi.framework.Constants;
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

/**
 * Block listener that verifies every proof-carrying result in finalized blocks with the ProofSystem registered for its
 * scheme (highest service.ranking wins) and submits the Verdict tx through the consensus engine.
 */
@Component(service = { BlockListener.class, VerificationMonitor.class }, configurationPid = "org.haca.verifier")
@Designate(ocd = VerifierComponent.Config.class)
public class VerifierComponent implements BlockListener, VerificationMonitor {
    private static final Logger LOG = LoggerFactory.getLogger(VerifierComponent.class);

    @ObjectClassDefinition(name = "haca verifier")
    public @interface Config {
        @AttributeDefinition(description = "Verification worker threads")
        int threads() default 2;

        @AttributeDefinition(description = "Bounded worker queue (back-pressure on the dispatcher when full)")
        int queueCapacity() default 256;

        @AttributeDefinition(description = "Intake capacity (submissions waiting for the dispatcher)")
        int intakeCapacity() default 100_000;

        @AttributeDefinition(description = "On the first block after (re)start, re-verify results still pending in this many earlier blocks")
        int catchUpBlocks() default 10_000;
    }

    private record Ranked(ProofSystem ps, int ranking) {
    }

    private final List<Ranked> proofSystems = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ChainTransactions txs;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ChainQuery query;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Ledger ledger;

    private volatile VerificationPipeline pipeline;
    private final java.util.concurrent.atomic.AtomicBoolean caughtUp = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile int catchUpBlocks;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addProofSystem(ProofSystem ps, Map<String, Object> props) {
        Object r = props.get(Constants.SERVICE_RANKING);
        proofSystems.add(new Ranked(ps, r instanceof Integer i ? i : 0));
        VerificationPipeline p = pipeline;
        if (p != null) {
            p.schemeAvailable(ps.schemeId());
        }
    }

    void removeProofSystem(ProofSystem ps) {
        proofSystems.removeIf(r -> r.ps == ps);
    }

    ProofSystem lookup(String scheme) {
        return proofSystems.stream().filter(r -> scheme.equals(r.ps.schemeId()))
                .max(Comparator.comparingInt(Ranked::ranking)).map(Ranked::ps).orElse(null);
    }

    @Activate
    void activate(Config c) {
        catchUpBlocks = Math.max(0, c.catchUpBlocks());
        pipeline = new VerificationPipeline(this::lookup, this::submitVerdict, Math.max(1, c.threads()),
                Math.max(1, c.queueCapacity()), Math.max(1, c.intakeCapacity()));
    }

    @Deactivate
    void deactivate() {
        pipeline.stop();
    }

    @Override
    public void blockFinalized(Block block) {
        try {
            ChainTransactions t = txs;
            if (t != null) {
                if (caughtUp.compareAndSet(false, true)) {
                    Thread c = new Thread(() -> catchUp(t, block.height()), "haca-verifier-catch-up");
                    c.setDaemon(true);
                    c.start();
                }
                pipeline.offer(t.resultsIn(block), block.time());
            }
        } catch (RuntimeException e) {
            LOG.warn("cannot read results of block {}", block.height(), e);
        }
    }

    /** Results submitted before this node (re)started and still pending get verified too. */
    private void catchUp(ChainTransactions t, long firstSeen) {
        ChainQuery q = query;
        Ledger l = ledger;
        if (q == null || l == null) {
            return;
        }
        int offered = 0;
        for (long h = Math.max(1, firstSeen - catchUpBlocks); h < firstSeen; h++) {
            Block b = q.block(h).orElse(null);
            if (b == null) {
                continue;
            }
            List<ResultSubmission> pending = new java.util.ArrayList<>();
            for (ResultSubmission s : t.resultsIn(b)) {
                if (l.inference(s.requestId()).map(r -> !r.settled()).orElse(false)) {
                    pending.add(s);
                }
            }
            offered += pending.size();
            pipeline.offer(pending, b.time());
        }
        if (offered > 0) {
            LOG.info("re-verifying {} results still pending from before this start", offered);
        }
    }

    private void submitVerdict(VerificationPipeline.Outcome o) {
        ChainTransactions t = txs;
        if (t == null) {
            LOG.warn("verdict for {} not submitted: no chain", o.submission().requestId());
            return;
        }
        String requestId = o.submission().requestId();
        try {
            t.submitVerdict(requestId, o.verdict().valid(), o.verdict().reason()).result()
                    .whenComplete((TxResult r, Throwable err) -> {
                        if (err != null) {
                            LOG.warn("verdict for {} failed: {}", requestId, err.toString());
                        } else if (!r.ok()) {
                            LOG.info("verdict for {} not applied: {} {}", requestId, r.code(), r.log());
                        } else {
                            LOG.debug("verdict for {} ({}) in block {}", requestId, o.verdict().valid(), r.height());
                        }
                    });
        } catch (RuntimeException e) {
            LOG.warn("verdict for {} not submitted: {}", requestId, e.toString());
        }
    }

    /** Submissions this node could not verify yet, with the reason. */
    public Map<String, VerificationPipeline.Waiting> waiting() {
        return pipeline.waiting();
    }

    public Map<String, Object> metrics() {
        return pipeline.metrics();
    }

    @Override
    public java.util.Optional<String> waitingReason(String requestId) {
        return java.util.Optional.ofNullable(pipeline.waiting().get(requestId)).map(VerificationPipeline.Waiting::reason);
    }

    @Override
    public Stats stats() {
        return pipeline.stats();
    }
}
