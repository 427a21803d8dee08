package org.haca.proof.zk.internal.groth16;

import java.util.stream.IntStream;

import org.haca.proof.zk.internal.bn254.Fr;
import org.haca.proof.zk.internal.bn254.G1;
import org.haca.proof.zk.internal.bn254.G2;
import org.haca.proof.zk.internal.snarkjs.FormatException;
import org.haca.proof.zk.internal.snarkjs.RawG1;
import org.haca.proof.zk.internal.snarkjs.RawG2;
import org.haca.proof.zk.internal.snarkjs.Zkey;
import org.haca.proof.zk.internal.snarkjs.ZkeyCoefficients;

/**
 * A .zkey converted once into the prover's working form: checked curve points and the A/B coefficients as
 * Montgomery scalars. Immutable and thread-safe; reuse it for every proof of the circuit.
 */
public final class ProvingKey {
    final int nVars;
    final int nPublic;
    final int power;
    final int domainSize;
    final G1 alpha1;
    final G1 beta1;
    final G2 beta2;
    final G1 delta1;
    final G2 delta2;
    final G1[] a;
    final G1[] b1;
    final G2[] b2;
    final G1[] c;
    final G1[] h;
    /** Coefficients: matrix (0 = A, 1 = B), row, wire, value (Fr, Montgomery). */
    final byte[] coefMatrix;
    final int[] coefRow;
    final int[] coefWire;
    final long[] coefValue;
    private final VerifyingKey verifyingKey;

    private ProvingKey(Zkey z) {
        nVars = z.nVars();
        nPublic = z.nPublic();
        power = z.power();
        domainSize = z.domainSize();
        if (power >= Domain.MAX_POWER) {
            throw new FormatException("zkey domain 2^" + power + " is beyond what this prover supports (2^27)");
        }
        alpha1 = Points.g1(z.alpha1(), "alpha1");
        beta1 = Points.g1(z.beta1(), "beta1");
        beta2 = Points.g2(z.beta2(), "beta2");
        delta1 = Points.g1(z.delta1(), "delta1");
        delta2 = Points.g2(z.delta2(), "delta2");
        a = g1s(z.a(), "A");
        b1 = g1s(z.b1(), "B1");
        b2 = g2s(z.b2(), "B2");
        c = g1s(z.c(), "C");
        h = g1s(z.h(), "H");
        ZkeyCoefficients co = z.coefficients();
        int n = co.size();
        coefMatrix = new byte[n];
        coefRow = co.constraint().clone();
        coefWire = co.signal().clone();
        coefValue = Fr.newArray(n);
        for (int i = 0; i < n; i++) {
            coefMatrix[i] = (byte) co.matrix()[i];
            Fr.set(coefValue, i, co.value()[i]);
        }
        verifyingKey = VerifyingKey.from(z);
    }

    /**
     * Converts and checks every point of the key (on the curve; G2 points in the subgroup). Throws
     * {@link FormatException} when a point or the layout is invalid.
     */
    public static ProvingKey from(Zkey z) {
        return new ProvingKey(z);
    }

    public int nVars() {
        return nVars;
    }

    public int nPublic() {
        return nPublic;
    }

    public int domainSize() {
        return domainSize;
    }

    public VerifyingKey verifyingKey() {
        return verifyingKey;
    }

    // the checks (on-curve, G2 subgroup) dominate loading a key: spread them over the cores
    private static G1[] g1s(RawG1[] raw, String what) {
        G1[] out = new G1[raw.length];
        IntStream.range(0, raw.length).parallel().forEach(i -> out[i] = Points.g1(raw[i], what + "[" + i + "]"));
        return out;
    }

    private static G2[] g2s(RawG2[] raw, String what) {
        G2[] out = new G2[raw.length];
        IntStream.range(0, raw.length).parallel().forEach(i -> out[i] = Points.g2(raw[i], what + "[" + i + "]"));
        return out;
    }

}
