package org.haca.proof.zk.internal.circuit;

import java.math.BigInteger;
import java.util.List;

import org.haca.proof.zk.internal.r1cs.Field;

/**
 * Native Poseidon hash, the circomlib / circomlibjs {@code poseidon(inputs)} instance over BN254 Fr: width
 * t = inputs + 1, state {@code [0, in_1 … in_n]}, per round add constants, S-box x^5 (every element in full rounds, the
 * first in partial rounds), multiply by the MDS matrix; the hash is state[0] after the last round.
 */
public final class Poseidon {

    /** Receives every S-box input in order (round by round, element by element); used to fill circuit witnesses. */
    interface SboxObserver {
        void sbox(int round, int element, BigInteger input);
    }

    private Poseidon() {
    }

    /** Poseidon of 1 to 16 field elements (each must be canonical, 0 ≤ v &lt; r). */
    public static BigInteger hash(BigInteger... inputs) {
        return hash(List.of(inputs));
    }

    public static BigInteger hash(List<BigInteger> inputs) {
        BigInteger[] state = initialState(inputs);
        permute(state, null);
        return state[0];
    }

    static BigInteger[] initialState(List<BigInteger> inputs) {
        if (inputs.isEmpty() || inputs.size() > PoseidonParameters.MAX_WIDTH - 1) {
            throw new IllegalArgumentException("Poseidon takes 1 to " + (PoseidonParameters.MAX_WIDTH - 1)
                    + " inputs, got " + inputs.size());
        }
        BigInteger[] state = new BigInteger[inputs.size() + 1];
        state[0] = BigInteger.ZERO;
        for (int i = 0; i < inputs.size(); i++) {
            BigInteger v = inputs.get(i);
            if (v.signum() < 0 || v.compareTo(Field.R) >= 0) {
                throw new IllegalArgumentException("Poseidon input " + i + " is not a canonical field element");
            }
            state[i + 1] = v;
        }
        return state;
    }

    /** The permutation in place; {@code observer} (may be null) sees each S-box input. */
    static void permute(BigInteger[] state, SboxObserver observer) {
        int t = state.length;
        PoseidonParameters p = PoseidonParameters.forWidth(t);
        BigInteger[][] m = p.mds();
        BigInteger[] next = new BigInteger[t];
        for (int r = 0; r < p.rounds(); r++) {
            for (int i = 0; i < t; i++) {
                state[i] = state[i].add(p.constant(r, i));
            }
            int sboxes = p.isFullRound(r) ? t : 1;
            for (int i = 0; i < sboxes; i++) {
                BigInteger x = state[i].mod(Field.R);
                if (observer != null) {
                    observer.sbox(r, i, x);
                }
                state[i] = pow5(x);
            }
            for (int i = 0; i < t; i++) {
                BigInteger acc = BigInteger.ZERO;
                for (int j = 0; j < t; j++) {
                    acc = acc.add(m[i][j].multiply(state[j]));
                }
                next[i] = acc.mod(Field.R);
            }
            System.arraycopy(next, 0, state, 0, t);
        }
    }

    static BigInteger pow5(BigInteger x) {
        BigInteger x2 = x.multiply(x).mod(Field.R);
        BigInteger x4 = x2.multiply(x2).mod(Field.R);
        return x4.multiply(x).mod(Field.R);
    }
}
