package org.haca.proof.zk.internal.groth16;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.haca.proof.zk.internal.bn254.Fr;
import org.haca.proof.zk.internal.bn254.G1;
import org.haca.proof.zk.internal.bn254.G2;
import org.haca.proof.zk.internal.bn254.Msm;
import org.haca.proof.zk.internal.bn254.Ntt;
import org.haca.proof.zk.internal.r1cs.Field;

/**
 * The Groth16 prover of snarkjs ({@code groth16 prove}) over a {@link ProvingKey}:
 * <ol>
 * <li>A(ω^i), B(ω^i) for every row i from the key's sparse coefficients and the witness; C(ω^i) = A·B (the key
 * stores no C matrix: a satisfying witness makes them equal on the domain);</li>
 * <li>each to coefficients (inverse NTT), shifted onto the coset ω_{2n}·⟨ω⟩ and evaluated there (NTT): on that
 * coset Z(x) = x^n − 1 = −2 everywhere, which the key's H points absorb, so (A·B − C) there is all H needs;</li>
 * <li>MSMs π_A = α + Σ w_i·A_i + r·δ, π_B = β + Σ w_i·B2_i + s·δ, π_C = Σ_{private} w_i·C_i + Σ d_i·H_i +
 * s·π_A + r·(β + Σ w_i·B1_i + s·δ) − r·s·δ, with r, s fresh from {@link SecureRandom}.</li>
 * </ol>
 * The witness is not checked against the constraints here (the key lacks C); a witness that does not satisfy the
 * circuit gives a proof that fails verification.
 */
public final class Prover {
    private final SecureRandom random;

    public Prover(SecureRandom random) {
        this.random = random;
    }

    public Prover() {
        this(new SecureRandom());
    }

    /** Proves with a full witness (wire 0 = 1, then outputs, public inputs, private inputs, internal wires). */
    public Groth16Proof prove(ProvingKey pk, BigInteger[] witness) {
        if (witness.length != pk.nVars) {
            throw new IllegalArgumentException("witness has " + witness.length + " values, the circuit "
                    + pk.nVars);
        }
        long[] w = Fr.newArray(witness.length);
        for (int i = 0; i < witness.length; i++) {
            BigInteger v = witness[i];
            if (v == null || v.signum() < 0 || v.compareTo(Field.R) >= 0) {
                throw new IllegalArgumentException("witness[" + i + "] is not in [0, r)");
            }
            Fr.set(w, i, v);
        }
        if (!BigInteger.ONE.equals(witness[0])) {
            throw new IllegalArgumentException("witness[0] must be 1");
        }
        List<BigInteger> publicSignals = new ArrayList<>(pk.nPublic);
        for (int i = 1; i <= pk.nPublic; i++) {
            publicSignals.add(witness[i]);
        }
        return prove(pk, w, publicSignals);
    }

    /**
     * Proves with a witness already in Fr form ({@link Fr#newArray} layout, Montgomery), as the circuit compiler
     * produces it; wire 0 must be 1.
     */
    public Groth16Proof prove(ProvingKey pk, long[] frWitness) {
        if (frWitness.length != 4L * pk.nVars) {
            throw new IllegalArgumentException("witness has " + frWitness.length / 4 + " values, the circuit "
                    + pk.nVars);
        }
        if (!BigInteger.ONE.equals(Fr.get(frWitness, 0))) {
            throw new IllegalArgumentException("witness[0] must be 1");
        }
        List<BigInteger> publicSignals = new ArrayList<>(pk.nPublic);
        for (int i = 1; i <= pk.nPublic; i++) {
            publicSignals.add(Fr.get(frWitness, i));
        }
        return prove(pk, frWitness, publicSignals);
    }

    private Groth16Proof prove(ProvingKey pk, long[] w, List<BigInteger> publicSignals) {
        int nPriv = pk.nVars - pk.nPublic - 1;
        long[] wPriv = Fr.newArray(nPriv);
        System.arraycopy(w, 4 * (pk.nPublic + 1), wPriv, 0, 4 * nPriv);

        // the G2 MSM is the most expensive and independent of the FFT work: start it first
        CompletableFuture<G2> msmB2 = CompletableFuture.supplyAsync(() -> Msm.g2(pk.b2, w, pk.nVars));
        long[] d = quotientEvaluations(pk, w);
        G1 sumA = Msm.g1(pk.a, w, pk.nVars);
        G1 sumB1 = Msm.g1(pk.b1, w, pk.nVars);
        G1 sumC = Msm.g1(pk.c, wPriv, nPriv);
        G1 sumH = Msm.g1(pk.h, d, pk.domainSize);
        G2 sumB2 = msmB2.join();

        BigInteger r = randomScalar();
        BigInteger s = randomScalar();
        G1 piA = sumA.add(pk.alpha1).add(pk.delta1.mul(r));
        G2 piB = sumB2.add(pk.beta2).add(pk.delta2.mul(s));
        G1 b1 = sumB1.add(pk.beta1).add(pk.delta1.mul(s));
        G1 piC = sumC.add(sumH).add(piA.mul(s)).add(b1.mul(r))
                .add(pk.delta1.mul(r.multiply(s).negate().mod(Field.R)));
        return new Groth16Proof(new org.haca.proof.zk.internal.snarkjs.ProofJson(Points.raw(piA), Points.raw(piB),
                Points.raw(piC)), publicSignals);
    }

    /** (A·B − C) on the odd coset of the doubled domain, as the H MSM's scalars. */
    static long[] quotientEvaluations(ProvingKey pk, long[] w) {
        int n = pk.domainSize;
        long[] a = Fr.newArray(n);
        long[] b = Fr.newArray(n);
        long[] tmp = Fr.newArray(1);
        for (int k = 0; k < pk.coefRow.length; k++) {
            Fr.mul(pk.coefValue, k, w, pk.coefWire[k], tmp, 0);
            long[] target = pk.coefMatrix[k] == 0 ? a : b;
            Fr.add(target, pk.coefRow[k], tmp, 0, target, pk.coefRow[k]);
        }
        long[] c = Fr.newArray(n);
        for (int i = 0; i < n; i++) {
            Fr.mul(a, i, b, i, c, i);
        }
        BigInteger shift = Domain.root(pk.power + 1);
        CompletableFuture<Void> fa = CompletableFuture.runAsync(() -> toOddCoset(a, pk.power, shift));
        CompletableFuture<Void> fb = CompletableFuture.runAsync(() -> toOddCoset(b, pk.power, shift));
        toOddCoset(c, pk.power, shift);
        fa.join();
        fb.join();
        for (int i = 0; i < n; i++) {
            Fr.mul(a, i, b, i, a, i);
            Fr.sub(a, i, c, i, a, i);
        }
        return a;
    }

    private static void toOddCoset(long[] evals, int power, BigInteger shift) {
        Ntt.inverse(evals, power);
        Ntt.mulByPowers(evals, 1 << power, shift);
        Ntt.forward(evals, power);
    }

    private BigInteger randomScalar() {
        return new BigInteger(320, random).mod(Field.R);
    }
}
