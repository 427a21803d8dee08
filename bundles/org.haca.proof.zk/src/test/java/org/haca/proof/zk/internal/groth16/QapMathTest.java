package org.haca.proof.zk.internal.groth16;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Random;

import org.haca.proof.zk.internal.bn254.Fr;
import org.haca.proof.zk.internal.r1cs.Constraint;
import org.haca.proof.zk.internal.r1cs.Field;
import org.haca.proof.zk.internal.r1cs.R1cs;
import org.haca.proof.zk.internal.snarkjs.Zkey;
import org.junit.jupiter.api.Test;

/**
 * The QAP algebra of the setup and the prover, against naive O(n²) polynomial arithmetic: the setup's Lagrange and
 * odd-coset basis at τ and the prover's coset evaluations must satisfy A(τ)·B(τ) − C(τ) = Σ d_i · L_{2i+1}(τ).
 */
class QapMathTest {
    private static final BigInteger R = Field.R;
    private final BigInteger[] witness = Groth16CrosscheckTest.values(1, 738, 3, 5, 7, 21, 105);
    private final R1cs r1cs = MulCircuit.r1cs();

    @Test
    void rootsAreSnarkjsRoots() {
        // ffjavascript's Fr.w[3] and Fr.w[28] for bn128, as printed by snarkjs 0.7.6
        assertEquals(new BigInteger("19540430494807482326159819597004422086093766032135589407132600596362845576832"),
                Domain.root(3));
        assertEquals(new BigInteger("19103219067921713944291392827692070036145651957329286315305642004821462161904"),
                Domain.root(28));
        assertEquals(BigInteger.ONE, Domain.root(5).modPow(BigInteger.valueOf(32), R));
        assertNotEquals(BigInteger.ONE, Domain.root(5).modPow(BigInteger.valueOf(16), R));
        // snarkjs zkey new: 3 constraints + 3 public → 2^3; 4 + 3 → 2^3; 5 + 3 → 2^4
        assertEquals(3, Domain.powerFor(3, 3));
        assertEquals(3, Domain.powerFor(4, 3));
        assertEquals(4, Domain.powerFor(5, 3));
        assertEquals(1, Domain.powerFor(0, 0));
    }

    @Test
    void setupBasisAndProverCosetAgreeWithNaiveAlgebra() {
        int power = 3;
        int n = 1 << power;
        BigInteger[][] rows = rows(n);
        BigInteger tau = new BigInteger(250, new Random(7)).mod(R);
        BigInteger[] lagrange = DevSetup.lagrangeAt(tau, power);
        BigInteger[] odd = DevSetup.oddLagrangeOfDoubledDomain(tau, power);
        BigInteger omega = Domain.root(power);
        BigInteger[] atTau = new BigInteger[3];
        BigInteger[][] onCoset = new BigInteger[3][n];
        for (int m = 0; m < 3; m++) {
            BigInteger[] coeffs = interpolate(rows[m], omega);
            atTau[m] = eval(coeffs, tau);
            BigInteger viaLagrange = BigInteger.ZERO;
            for (int j = 0; j < n; j++) {
                viaLagrange = viaLagrange.add(rows[m][j].multiply(lagrange[j])).mod(R);
            }
            assertEquals(atTau[m], viaLagrange, "Lagrange basis at τ, matrix " + m);
            BigInteger x = Domain.root(power + 1);
            for (int i = 0; i < n; i++) {
                onCoset[m][i] = eval(coeffs, x);
                x = x.multiply(omega).mod(R);
            }
        }
        BigInteger lhs = atTau[0].multiply(atTau[1]).subtract(atTau[2]).mod(R);
        BigInteger[] d = new BigInteger[n];
        BigInteger rhs = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            d[i] = onCoset[0][i].multiply(onCoset[1][i]).subtract(onCoset[2][i]).mod(R);
            rhs = rhs.add(d[i].multiply(odd[i])).mod(R);
        }
        assertEquals(lhs, rhs, "A(τ)B(τ) − C(τ) = h(τ)Z(τ) through the odd-coset basis");
        assertNotEquals(BigInteger.ZERO, lhs, "the identity is not trivially 0 = 0");

        // the prover's fast path (sparse coefficients, NTTs) produces exactly these coset values
        Zkey z = DevSetup.generate(r1cs, new SecureRandom());
        long[] w = Fr.newArray(witness.length);
        for (int i = 0; i < witness.length; i++) {
            Fr.set(w, i, witness[i]);
        }
        long[] fast = Prover.quotientEvaluations(ProvingKey.from(z), w);
        BigInteger[] got = new BigInteger[n];
        for (int i = 0; i < n; i++) {
            got[i] = Fr.get(fast, i);
        }
        assertArrayEquals(d, got);
    }

    /** A, B, C evaluated on the domain rows, with snarkjs's extra A rows for wire 0 and the public signals. */
    private BigInteger[][] rows(int n) {
        BigInteger[][] rows = new BigInteger[3][n];
        for (BigInteger[] r : rows) {
            java.util.Arrays.fill(r, BigInteger.ZERO);
        }
        int m = r1cs.constraints().size();
        for (int j = 0; j < m; j++) {
            Constraint c = r1cs.constraints().get(j);
            rows[0][j] = c.a().evaluate(witness);
            rows[1][j] = c.b().evaluate(witness);
            rows[2][j] = c.c().evaluate(witness);
        }
        for (int s = 0; s <= r1cs.nPublic(); s++) {
            rows[0][m + s] = witness[s];
        }
        return rows;
    }

    private static BigInteger[] interpolate(BigInteger[] values, BigInteger omega) {
        int n = values.length;
        BigInteger nInv = BigInteger.valueOf(n).modInverse(R);
        BigInteger omegaInv = omega.modInverse(R);
        BigInteger[] coeffs = new BigInteger[n];
        for (int k = 0; k < n; k++) {
            BigInteger acc = BigInteger.ZERO;
            for (int j = 0; j < n; j++) {
                acc = acc.add(values[j].multiply(omegaInv.modPow(BigInteger.valueOf((long) j * k), R)));
            }
            coeffs[k] = acc.multiply(nInv).mod(R);
        }
        return coeffs;
    }

    private static BigInteger eval(BigInteger[] coeffs, BigInteger x) {
        BigInteger acc = BigInteger.ZERO;
        for (int k = coeffs.length - 1; k >= 0; k--) {
            acc = acc.multiply(x).add(coeffs[k]).mod(R);
        }
        return acc;
    }
}
