package org.haca.proof.zk.internal;

import org.haca.api.proof.ProofException;

/**
 * Counts running prove/verify calls so deactivation can let them finish (the ProofSystem draining contract): once
 * draining, new proofs are refused; verification is never refused, because a verifier must always answer.
 */
final class InFlight {
    private int running;
    private boolean draining;

    /** A call that is running; close it when done. */
    final class Call implements AutoCloseable {
        @Override
        public void close() {
            synchronized (InFlight.this) {
                running--;
                InFlight.this.notifyAll();
            }
        }
    }

    synchronized Call enter() throws ProofException {
        if (draining) {
            throw new ProofException("the ZK proof system is stopping");
        }
        running++;
        return new Call();
    }

    synchronized Call enterAlways() {
        running++;
        return new Call();
    }

    /** Refuses new proofs and waits (bounded) for running calls to end. */
    synchronized void drain(long timeoutMillis) throws InterruptedException {
        draining = true;
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (running > 0 && System.currentTimeMillis() < deadline) {
            wait(Math.max(1, deadline - System.currentTimeMillis()));
        }
    }
}
