package org.haca.api.chain;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service: told about each finalized block, in height order, exactly once per engine run.
 * Called on the consensus engine's thread: return quickly (hand work to your own executor) and never throw.
 */
@ConsumerType
public interface BlockListener {
    void blockFinalized(Block block);
}
