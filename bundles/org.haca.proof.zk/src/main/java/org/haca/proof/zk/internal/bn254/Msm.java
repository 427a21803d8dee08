package org.haca.proof.zk.internal.bn254;

import java.math.BigInteger;

/** INTERIM: Σ s_i · P_i by plain scalar multiplications. */
public final class Msm {
    private Msm() {
    }

    public static G1 g1(G1[] bases, long[] frScalars, int n) {
        G1 acc = G1.infinity();
        for (int i = 0; i < n; i++) {
            acc = acc.add(bases[i].mul(Fr.get(frScalars, i)));
        }
        return acc;
    }

    public static G1 g1(G1[] bases, BigInteger[] scalars) {
        G1 acc = G1.infinity();
        for (int i = 0; i < scalars.length; i++) {
            acc = acc.add(bases[i].mul(scalars[i]));
        }
        return acc;
    }

    public static G2 g2(G2[] bases, long[] frScalars, int n) {
        G2 acc = G2.infinity();
        for (int i = 0; i < n; i++) {
            acc = acc.add(bases[i].mul(Fr.get(frScalars, i)));
        }
        return acc;
    }
}
