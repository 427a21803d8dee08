package org.haca.proof.zk.internal.groth16;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.IntStream;

import org.haca.proof.zk.internal.bn254.G1;
import org.haca.proof.zk.internal.bn254.G2;
import org.haca.proof.zk.internal.r1cs.Constraint;
import org.haca.proof.zk.internal.r1cs.Field;
import org.haca.proof.zk.internal.r1cs.LinearCombination;
import org.haca.proof.zk.internal.r1cs.R1cs;
import org.haca.proof.zk.internal.snarkjs.RawG1;
import org.haca.proof.zk.internal.snarkjs.RawG2;
import org.haca.proof.zk.internal.snarkjs.Zkey;
import org.haca.proof.zk.internal.snarkjs.ZkeyCoefficients;

/**
 * INSECURE development setup: a Groth16 proving key made in one process from random toxic waste (τ, α, β, γ, δ).
 * Whoever ran it could forge proofs had the waste been kept; it is discarded, but nobody else can check that.
 * Production keys come from a snarkjs ceremony (phase 1 powers of tau + phase 2 contributions) and are imported
 * with {@link org.haca.proof.zk.internal.snarkjs.ZkeyFile#read}.
 * <p>
 * The result has exactly the layout {@code snarkjs zkey new} writes (section order, the extra A rows for wire 0
 * and each public signal, coefficients, H as odd-index Lagrange points of the doubled domain), so snarkjs can
 * export its verification key and prove with it. Section 10 holds a zero circuit hash and no contributions.
 */
public final class DevSetup {
    /** Shown by callers next to anything produced with this setup. */
    public static final String INSECURE_NOTICE =
            "INSECURE Groth16 dev setup: toxic waste generated locally, proofs are forgeable by its holder";
    private static final Logger LOG = Logger.getLogger(DevSetup.class.getName());
    private static final BigInteger R = Field.R;

    private DevSetup() {
    }

    public static Zkey generate(R1cs r1cs, SecureRandom random) {
        LOG.warning(INSECURE_NOTICE);
        int nPublic = r1cs.nPublic();
        int nVars = r1cs.nWires();
        List<Constraint> constraints = r1cs.constraints();
        int m = constraints.size();
        int power = Domain.powerFor(m, nPublic);
        if (power >= Domain.MAX_POWER) {
            throw new IllegalArgumentException("circuit of " + m + " constraints needs a 2^" + power
                    + " domain; the dev setup supports up to 2^" + (Domain.MAX_POWER - 1));
        }
        int n = 1 << power;

        BigInteger tau = randomScalar(random);
        BigInteger alpha = randomScalar(random);
        BigInteger beta = randomScalar(random);
        BigInteger gamma = randomScalar(random);
        BigInteger delta = randomScalar(random);
        BigInteger[] lagrange = lagrangeAt(tau, power);
        BigInteger[] hScalars = oddLagrangeOfDoubledDomain(tau, power);
        if (lagrange == null || hScalars == null) {
            return generate(r1cs, random); // τ hit the domain (probability ≈ n / r): draw again
        }

        BigInteger[] u = zeros(nVars);
        BigInteger[] v = zeros(nVars);
        BigInteger[] w = zeros(nVars);
        int nCoef = 0;
        for (Constraint c : constraints) {
            nCoef += c.a().size() + c.b().size();
        }
        nCoef += nPublic + 1;
        int[] matrix = new int[nCoef];
        int[] row = new int[nCoef];
        int[] signal = new int[nCoef];
        BigInteger[] value = new BigInteger[nCoef];
        int k = 0;
        for (int j = 0; j < m; j++) {
            Constraint c = constraints.get(j);
            k = addRow(c.a(), 0, j, lagrange[j], u, matrix, row, signal, value, k, nVars);
            k = addRow(c.b(), 1, j, lagrange[j], v, matrix, row, signal, value, k, nVars);
            accumulate(c.c(), lagrange[j], w, nVars);
        }
        // snarkjs's extra rows A[m + s][s] = 1 make the public signals (and wire 0) linearly independent in A
        for (int s = 0; s <= nPublic; s++) {
            u[s] = u[s].add(lagrange[m + s]).mod(R);
            matrix[k] = 0;
            row[k] = m + s;
            signal[k] = s;
            value[k] = BigInteger.ONE;
            k++;
        }

        BigInteger gammaInv = gamma.modInverse(R);
        BigInteger deltaInv = delta.modInverse(R);
        G1 g1 = G1.generator();
        G2 g2 = Points.g2Generator();
        RawG1[] a = new RawG1[nVars];
        RawG1[] b1 = new RawG1[nVars];
        RawG2[] b2 = new RawG2[nVars];
        RawG1[] ic = new RawG1[nPublic + 1];
        RawG1[] cPoints = new RawG1[nVars - nPublic - 1];
        // one scalar multiplication per point and wire: independent, so spread over the cores
        IntStream.range(0, nVars).parallel().forEach(i -> {
            a[i] = Points.raw(g1.mul(u[i]));
            b1[i] = Points.raw(g1.mul(v[i]));
            b2[i] = Points.raw(g2.mul(v[i]));
            BigInteger combined = beta.multiply(u[i]).add(alpha.multiply(v[i])).add(w[i]).mod(R);
            if (i <= nPublic) {
                ic[i] = Points.raw(g1.mul(combined.multiply(gammaInv).mod(R)));
            } else {
                cPoints[i - nPublic - 1] = Points.raw(g1.mul(combined.multiply(deltaInv).mod(R)));
            }
        });
        RawG1[] h = new RawG1[n];
        IntStream.range(0, n).parallel()
                .forEach(i -> h[i] = Points.raw(g1.mul(hScalars[i].multiply(deltaInv).mod(R))));
        byte[] contributions = new byte[64 + 4]; // circuit hash (not computed) + zero contributions
        return new Zkey(nVars, nPublic, n,
                Points.raw(g1.mul(alpha)), Points.raw(g1.mul(beta)), Points.raw(g2.mul(beta)),
                Points.raw(g2.mul(gamma)), Points.raw(g1.mul(delta)), Points.raw(g2.mul(delta)),
                ic, new ZkeyCoefficients(matrix, row, signal, value), a, b1, b2, cPoints, h, contributions,
                Zkey.NEW_ZKEY_ORDER.clone());
    }

    private static int addRow(LinearCombination lc, int whichMatrix, int j, BigInteger lj, BigInteger[] acc,
            int[] matrix, int[] row, int[] signal, BigInteger[] value, int k, int nVars) {
        accumulate(lc, lj, acc, nVars);
        for (int t = 0; t < lc.size(); t++) {
            matrix[k] = whichMatrix;
            row[k] = j;
            signal[k] = lc.wire(t);
            value[k] = lc.coeff(t);
            k++;
        }
        return k;
    }

    private static void accumulate(LinearCombination lc, BigInteger lj, BigInteger[] acc, int nVars) {
        for (int t = 0; t < lc.size(); t++) {
            int wire = lc.wire(t);
            if (wire < 0 || wire >= nVars) {
                throw new IllegalArgumentException("constraint names wire " + wire + " of " + nVars);
            }
            acc[wire] = acc[wire].add(lc.coeff(t).multiply(lj)).mod(R);
        }
    }

    /** L_j(τ) = (τ^n − 1)/n · ω^j/(τ − ω^j) for the 2^power domain, or null when τ is in the domain. */
    static BigInteger[] lagrangeAt(BigInteger tau, int power) {
        int n = 1 << power;
        BigInteger omega = Domain.root(power);
        BigInteger[] omegaPow = new BigInteger[n];
        BigInteger[] denom = new BigInteger[n];
        BigInteger x = BigInteger.ONE;
        for (int j = 0; j < n; j++) {
            omegaPow[j] = x;
            denom[j] = tau.subtract(x).mod(R);
            if (denom[j].signum() == 0) {
                return null;
            }
            x = x.multiply(omega).mod(R);
        }
        Domain.invertAll(denom);
        BigInteger zOverN = tau.modPow(BigInteger.valueOf(n), R).subtract(BigInteger.ONE)
                .multiply(BigInteger.valueOf(n).modInverse(R)).mod(R);
        BigInteger[] out = new BigInteger[n];
        for (int j = 0; j < n; j++) {
            out[j] = zOverN.multiply(omegaPow[j]).mod(R).multiply(denom[j]).mod(R);
        }
        return out;
    }

    /**
     * The odd-index Lagrange basis of the 2n domain at τ: L_{2i+1}(τ) = (τ^{2n} − 1)/(2n) · x_i/(τ − x_i), with
     * x_i = ω_{2n}^{2i+1}, or null when τ is one of them. Against these, the prover's (A·B − C) evaluated on the coset x_i gives h(τ)·Z(τ).
     */
    static BigInteger[] oddLagrangeOfDoubledDomain(BigInteger tau, int power) {
        int n = 1 << power;
        BigInteger omega2n = Domain.root(power + 1);
        BigInteger step = omega2n.multiply(omega2n).mod(R);
        BigInteger[] xs = new BigInteger[n];
        BigInteger[] denom = new BigInteger[n];
        BigInteger x = omega2n;
        for (int i = 0; i < n; i++) {
            xs[i] = x;
            denom[i] = tau.subtract(x).mod(R);
            if (denom[i].signum() == 0) {
                return null;
            }
            x = x.multiply(step).mod(R);
        }
        Domain.invertAll(denom);
        BigInteger twoN = BigInteger.valueOf(2L * n);
        BigInteger factor = tau.modPow(twoN, R).subtract(BigInteger.ONE).multiply(twoN.modInverse(R)).mod(R);
        BigInteger[] out = new BigInteger[n];
        for (int i = 0; i < n; i++) {
            out[i] = factor.multiply(xs[i]).mod(R).multiply(denom[i]).mod(R);
        }
        return out;
    }

    private static BigInteger randomScalar(SecureRandom random) {
        while (true) {
            BigInteger v = new BigInteger(256, random).mod(R);
            if (v.signum() != 0) {
                return v;
            }
        }
    }

    private static BigInteger[] zeros(int n) {
        BigInteger[] z = new BigInteger[n];
        java.util.Arrays.fill(z, BigInteger.ZERO);
        return z;
    }
}
