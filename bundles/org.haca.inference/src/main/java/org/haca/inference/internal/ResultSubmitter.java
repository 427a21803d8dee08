package org.haca.inference.internal;

import org.haca.api.inference.InferenceResult;
import org.haca.api.proof.Statement;

/**
 * The seam to the chain: turns a finished result into a {@code SubmitResult} transaction and returns its hash. The
 * transaction format and the {@link org.haca.api.chain.ConsensusEngine} wiring belong to the chain work; until it
 * lands, {@link #NONE} submits nothing and results carry {@code tx = null}, as the API allows for a node without a
 * chain. Implementations must not block on consensus (submit, return the hash, let finality happen later).
 */
interface ResultSubmitter {

    /** Returns the transaction hash, or null when nothing was submitted. */
    String submit(InferenceResult result, Statement statement);

    ResultSubmitter NONE = (result, statement) -> null;
}
