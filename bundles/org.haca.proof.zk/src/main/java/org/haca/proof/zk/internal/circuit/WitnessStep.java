package org.haca.proof.zk.internal.circuit;

/** Computes the values of the wires one gadget allocated from wires computed before it. */
@FunctionalInterface
interface WitnessStep {
    void compute(WitnessState s);
}
