package org.haca.proof.zk.internal.groth16;

import java.util.List;

import org.haca.proof.zk.internal.bn254.G1;
import org.haca.proof.zk.internal.bn254.G2;
import org.haca.proof.zk.internal.snarkjs.FormatException;
import org.haca.proof.zk.internal.snarkjs.RawG1;
import org.haca.proof.zk.internal.snarkjs.VerificationKeyJson;
import org.haca.proof.zk.internal.snarkjs.Zkey;

/**
 * A Groth16 verifying key with every point checked (on the curve, G2 points in the subgroup). Build once per model
 * and reuse: the checks cost a few scalar multiplications.
 */
public final class VerifyingKey {
    private final int nPublic;
    private final G1 alpha1;
    private final G2 beta2;
    private final G2 gamma2;
    private final G2 delta2;
    private final G1[] ic;

    private VerifyingKey(int nPublic, G1 alpha1, G2 beta2, G2 gamma2, G2 delta2, G1[] ic) {
        this.nPublic = nPublic;
        this.alpha1 = alpha1;
        this.beta2 = beta2;
        this.gamma2 = gamma2;
        this.delta2 = delta2;
        this.ic = ic;
    }

    /** From snarkjs's verification_key.json; throws {@link FormatException} for points off the curve/subgroup. */
    public static VerifyingKey from(VerificationKeyJson vk) {
        return new VerifyingKey(vk.nPublic(), Points.g1(vk.alpha1(), "vk_alpha_1"), Points.g2(vk.beta2(), "vk_beta_2"),
                Points.g2(vk.gamma2(), "vk_gamma_2"), Points.g2(vk.delta2(), "vk_delta_2"), g1s(vk.ic()));
    }

    /** The verifying part of a proving key (what {@code snarkjs zkey export verificationkey} extracts). */
    public static VerifyingKey from(Zkey z) {
        return new VerifyingKey(z.nPublic(), Points.g1(z.alpha1(), "alpha1"), Points.g2(z.beta2(), "beta2"),
                Points.g2(z.gamma2(), "gamma2"), Points.g2(z.delta2(), "delta2"), g1s(List.of(z.ic())));
    }

    /**
     * The snarkjs JSON form. {@code vk_alphabeta_12} is left out: snarkjs's verifier does not read it (pass the
     * JSON through {@code snarkjs zkey export verificationkey} where a consumer needs it).
     */
    public static VerificationKeyJson toJson(Zkey z) {
        return new VerificationKeyJson(z.nPublic(), z.alpha1(), z.beta2(), z.gamma2(), z.delta2(), null,
                List.of(z.ic()));
    }

    /** This key in snarkjs JSON form (without {@code vk_alphabeta_12}, see {@link #toJson(Zkey)}). */
    public VerificationKeyJson toJson() {
        List<RawG1> icRaw = new java.util.ArrayList<>();
        for (G1 p : ic) {
            icRaw.add(Points.raw(p));
        }
        return new VerificationKeyJson(nPublic, Points.raw(alpha1), Points.raw(beta2), Points.raw(gamma2),
                Points.raw(delta2), null, icRaw);
    }

    private static G1[] g1s(List<RawG1> raw) {
        G1[] out = new G1[raw.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Points.g1(raw.get(i), "IC[" + i + "]");
        }
        return out;
    }

    public int nPublic() {
        return nPublic;
    }

    G1 alpha1() {
        return alpha1;
    }

    G2 beta2() {
        return beta2;
    }

    G2 gamma2() {
        return gamma2;
    }

    G2 delta2() {
        return delta2;
    }

    G1 ic(int i) {
        return ic[i];
    }
}
