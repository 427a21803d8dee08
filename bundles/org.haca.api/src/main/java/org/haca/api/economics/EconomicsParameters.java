package org.haca.api.economics;

/**
 * Economic parameters the state machine applies. Basis points (bps) are parts of 10,000. All nodes of a network must
 * run with the same parameters: their hash is part of the state root.
 *
 * @param protocolShareBps part of an inference fee that does not go to the inference node
 * @param settlementBurnBps part of the fee burned on settlement; at most {@code protocolShareBps}; the rest of the
 *        protocol share goes to the validator that verified (or, for VANILLA and batches, produced) the settlement
 * @param slashBps part of an inference node's stake slashed on an invalid verdict
 * @param slashBurnBps part of the slashed amount burned; the rest goes to the reporter of the invalid verdict
 * @param challengeWindowBlocks blocks after which an unchallenged VANILLA result settles
 * @param minStake minimum stake of an inference node that may receive results
 * @param minFee minimum fee of one result
 * @param unbondingBlocks blocks between Unbond and the moment Withdraw may release the tokens
 */
public record EconomicsParameters(int protocolShareBps, int settlementBurnBps, int slashBps, int slashBurnBps,
        long challengeWindowBlocks, long minStake, long minFee, long unbondingBlocks) {

    public static final EconomicsParameters DEFAULTS = new EconomicsParameters(1000, 500, 1000, 5000, 10, 1_000, 1,
            20);

    public EconomicsParameters {
        check(protocolShareBps >= 0 && protocolShareBps <= 10_000, "protocolShareBps must be within 0..10000");
        check(settlementBurnBps >= 0 && settlementBurnBps <= protocolShareBps,
                "settlementBurnBps must be within 0..protocolShareBps");
        check(slashBps >= 0 && slashBps <= 10_000, "slashBps must be within 0..10000");
        check(slashBurnBps >= 0 && slashBurnBps <= 10_000, "slashBurnBps must be within 0..10000");
        check(challengeWindowBlocks >= 1, "challengeWindowBlocks must be >= 1");
        check(minStake >= 0, "minStake must be >= 0");
        check(minFee >= 0, "minFee must be >= 0");
        check(unbondingBlocks >= 0, "unbondingBlocks must be >= 0");
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
