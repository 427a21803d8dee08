package org.haca.proof.zk.internal.groth16;

import java.math.BigInteger;
import java.util.List;

import org.haca.proof.zk.internal.snarkjs.ProofJson;
import org.haca.proof.zk.internal.snarkjs.SnarkjsJson;

/** A proof and its public signals (wires 1..nPublic), convertible to snarkjs's proof.json / public.json. */
public record Groth16Proof(ProofJson proof, List<BigInteger> publicSignals) {
    public Groth16Proof {
        publicSignals = List.copyOf(publicSignals);
    }

    public String proofJson() {
        return SnarkjsJson.writeProof(proof);
    }

    public String publicJson() {
        return SnarkjsJson.writePublicSignals(publicSignals);
    }
}
