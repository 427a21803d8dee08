package org.haca.economics.internal;

import org.haca.api.economics.EconomicsParameters;
import org.haca.api.economics.EconomicsPolicy;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Economic parameters from ConfigAdmin (PID {@code org.haca.economics}), validated. An invalid configuration fails
 * activation with a message naming the parameter, so the chain keeps the parameters already in its state. A valid
 * change applies from the next block on (the chain reads the parameters once per block and commits their hash into the
 * state root, so all nodes of a network must use the same values).
 */
@Component(service = EconomicsPolicy.class, configurationPid = "org.haca.economics")
@Designate(ocd = EconomicsComponent.Config.class)
public class EconomicsComponent implements EconomicsPolicy {
    private static final Logger LOG = LoggerFactory.getLogger(EconomicsComponent.class);

    @ObjectClassDefinition(name = "haca economics", description = "Fees, burn, stake and slashing")
    public @interface Config {
        @AttributeDefinition(min = "0", max = "10000", description = "Part of an inference fee (bps) not paid to the node")
        int protocolShareBps() default 1000;

        @AttributeDefinition(min = "0", max = "10000", description = "Part of the fee (bps) burned on settlement; <= protocolShareBps")
        int settlementBurnBps() default 500;

        @AttributeDefinition(min = "0", max = "10000", description = "Part of the node's stake (bps) slashed on an invalid verdict")
        int slashBps() default 1000;

        @AttributeDefinition(min = "0", max = "10000", description = "Part of the slashed amount (bps) burned; the rest goes to the reporter")
        int slashBurnBps() default 5000;

        @AttributeDefinition(min = "1", description = "Blocks after which an unchallenged VANILLA result settles")
        long challengeWindowBlocks() default 10;

        @AttributeDefinition(min = "0", description = "Minimum stake of an inference node")
        long minStake() default 1000;

        @AttributeDefinition(min = "0", description = "Minimum fee of one inference result")
        long minFee() default 1;

        @AttributeDefinition(min = "0", description = "Blocks between Unbond and Withdraw")
        long unbondingBlocks() default 20;
    }

    private volatile EconomicsParameters parameters;

    @Activate
    @Modified
    void configure(Config c) {
        parameters = fromConfig(c);
        LOG.info("economics parameters: {}", parameters);
    }

    /** @throws IllegalArgumentException naming the invalid parameter */
    static EconomicsParameters fromConfig(Config c) {
        return new EconomicsParameters(c.protocolShareBps(), c.settlementBurnBps(), c.slashBps(), c.slashBurnBps(),
                c.challengeWindowBlocks(), c.minStake(), c.minFee(), c.unbondingBlocks());
    }

    @Override
    public EconomicsParameters parameters() {
        return parameters;
    }
}
