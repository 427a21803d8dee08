package org.haca.api.economics;

import java.util.Objects;

/**
 * Settlement state of one inference on chain.
 *
 * @param status PENDING (fee escrowed, awaiting a verdict or the end of the challenge window), VERIFIED (valid verdict:
 *        fee paid, burn applied), REJECTED (invalid verdict: stake slashed, payer refunded), SETTLED (VANILLA result
 *        paid after its challenge window)
 * @param fee the escrowed fee
 * @param paidToNode what the inference node received
 * @param burned tokens burned by this settlement (settlement burn or slash burn)
 * @param settleHeight height at which a VANILLA result settles, or at which the verdict settled it (0 while pending)
 */
public record InferenceRecord(String requestId, Status status, String mode, String scheme, String payer, String node,
        long fee, long paidToNode, long burned, long submittedHeight, long settleHeight, String reason,
        String txHash) {
    public InferenceRecord {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
    }

    public enum Status {
        PENDING, VERIFIED, REJECTED, SETTLED
    }

    /** True once money moved: verified, rejected or settled. */
    public boolean settled() {
        return status != Status.PENDING;
    }
}
