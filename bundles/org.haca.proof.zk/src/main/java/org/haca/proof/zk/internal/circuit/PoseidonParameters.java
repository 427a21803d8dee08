package org.haca.proof.zk.internal.circuit;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;

import org.haca.proof.zk.internal.r1cs.Field;

/**
 * Round constants and MDS matrix of the circomlib Poseidon instance of width t over BN254 Fr (S-box x^5, 8 full rounds,
 * partial rounds by width as circomlib: 56, 57, 56, 60, 60, 63, 64, 63, 60, 66, 60, 65, 70, 60, 64, 68 for t = 2..17),
 * derived as the reference script does: Grain LFSR seeded with (GF(p), x^alpha, 254 bits, t, 8, R_P); (R_F + R_P)·t
 * round constants by rejection sampling, then a Cauchy matrix {@code M[i][j] = 1/(x_i + y_j)} from 2t further samples.
 * (For every width circomlib uses, the reference script accepted its first Cauchy matrix; the tests compare every
 * constant with circomlibjs's tables.) Arrays are shared: callers must not modify them.
 *
 * @param width t
 * @param fullRounds R_F
 * @param partialRounds R_P
 * @param roundConstants (R_F + R_P)·t constants, round r element i at {@code r·t + i}
 * @param mds the t×t matrix; a round's mixing is {@code new[i] = Σ_j mds[i][j] · state[j]}
 */
public record PoseidonParameters(int width, int fullRounds, int partialRounds, BigInteger[] roundConstants,
        BigInteger[][] mds) {

    public static final int MIN_WIDTH = 2;
    public static final int MAX_WIDTH = 17;
    private static final int FULL_ROUNDS = 8;
    private static final int[] PARTIAL_ROUNDS = {56, 57, 56, 60, 60, 63, 64, 63, 60, 66, 60, 65, 70, 60, 64, 68};
    private static final int FIELD_BITS = 254;
    private static final PoseidonParameters[] CACHE = new PoseidonParameters[MAX_WIDTH + 1];

    /** The parameters for width t (t - 1 inputs), derived once and cached. */
    public static PoseidonParameters forWidth(int t) {
        if (t < MIN_WIDTH || t > MAX_WIDTH) {
            throw new IllegalArgumentException("Poseidon width " + t + " outside " + MIN_WIDTH + ".." + MAX_WIDTH
                    + " (1 to 16 inputs)");
        }
        synchronized (CACHE) {
            if (CACHE[t] == null) {
                CACHE[t] = derive(t);
            }
            return CACHE[t];
        }
    }

    private static PoseidonParameters derive(int t) {
        int rp = PARTIAL_ROUNDS[t - 2];
        GrainLfsr grain = new GrainLfsr(true, 0, FIELD_BITS, t, FULL_ROUNDS, rp);
        BigInteger[] c = new BigInteger[(FULL_ROUNDS + rp) * t];
        for (int i = 0; i < c.length; i++) {
            c[i] = grain.nextBelow(Field.R, FIELD_BITS);
        }
        BigInteger[] xy = distinctSamples(grain, 2 * t);
        BigInteger[][] m = new BigInteger[t][t];
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < t; j++) {
                BigInteger s = xy[i].add(xy[t + j]).mod(Field.R);
                if (s.signum() == 0) {
                    throw new IllegalStateException("Cauchy matrix with x_i + y_j = 0 for t = " + t);
                }
                m[i][j] = s.modInverse(Field.R);
            }
        }
        return new PoseidonParameters(t, FULL_ROUNDS, rp, c, m);
    }

    /** 2t samples reduced into the field, resampled as a whole while two coincide (as the reference script). */
    private static BigInteger[] distinctSamples(GrainLfsr grain, int n) {
        while (true) {
            BigInteger[] v = new BigInteger[n];
            Set<BigInteger> seen = new HashSet<>();
            for (int i = 0; i < n; i++) {
                v[i] = grain.nextBits(FIELD_BITS).mod(Field.R);
                seen.add(v[i]);
            }
            if (seen.size() == n) {
                return v;
            }
        }
    }

    public int rounds() {
        return fullRounds + partialRounds;
    }

    /** True when round r applies the S-box to every element (the first and last R_F/2 rounds). */
    public boolean isFullRound(int r) {
        return r < fullRounds / 2 || r >= fullRounds / 2 + partialRounds;
    }

    public BigInteger constant(int round, int i) {
        return roundConstants[round * width + i];
    }
}
