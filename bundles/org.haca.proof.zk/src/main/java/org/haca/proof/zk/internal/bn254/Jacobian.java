package org.haca.proof.zk.internal.bn254;

/**
 * INTERIM: Jacobian point arithmetic for y² = x³ + b (a = 0) over a {@link FieldOps} field. A point is 3·w limbs
 * (X, Y, Z) at an offset; Z = 0 is infinity. Affine inputs are 2·w limbs (x, y).
 */
final class Jacobian {
    private final FieldOps f;
    private final int w;
    /** Scratch for the formulas: an instance is used by one thread at a time. */
    private final long[] t;
    private final long[] one;

    Jacobian(FieldOps f) {
        this.f = f;
        this.w = f.width();
        this.t = new long[9 * w];
        this.one = new long[w];
        System.arraycopy(Mont.Q.one, 0, one, 0, 4);
    }

    int size() {
        return 3 * w;
    }

    boolean isInfinity(long[] p, int o) {
        return f.isZero(p, o + 2 * w);
    }

    void setInfinity(long[] p, int o) {
        java.util.Arrays.fill(p, o, o + 3 * w, 0L);
    }

    /** p = 2p (dbl-2009-l). */
    void dbl(long[] p, int o) {
        if (isInfinity(p, o)) {
            return;
        }
        int a = 0, b = w, c = 2 * w, d = 3 * w, e = 4 * w, ff = 5 * w;
        int x = o, y = o + w, z = o + 2 * w;
        f.sqr(p, x, t, a);
        f.sqr(p, y, t, b);
        f.sqr(t, b, t, c);
        f.add(p, x, t, b, t, d);
        f.sqr(t, d, t, d);
        f.sub(t, d, t, a, t, d);
        f.sub(t, d, t, c, t, d);
        f.add(t, d, t, d, t, d);
        f.add(t, a, t, a, t, e);
        f.add(t, e, t, a, t, e);
        f.sqr(t, e, t, ff);
        // Z3 = 2·Y·Z (before Y changes)
        f.mul(p, y, p, z, p, z);
        f.add(p, z, p, z, p, z);
        // X3 = F − 2D
        f.sub(t, ff, t, d, p, x);
        f.sub(p, x, t, d, p, x);
        // Y3 = E(D − X3) − 8C
        f.sub(t, d, p, x, t, d);
        f.mul(t, e, t, d, p, y);
        f.add(t, c, t, c, t, c);
        f.add(t, c, t, c, t, c);
        f.add(t, c, t, c, t, c);
        f.sub(p, y, t, c, p, y);
    }

    /** p += (qx, qy) affine at offset qo (madd-2007-bl). */
    void addAffine(long[] p, int o, long[] q, int qo) {
        int x = o, y = o + w, z = o + 2 * w;
        if (isInfinity(p, o)) {
            System.arraycopy(q, qo, p, o, 2 * w);
            System.arraycopy(one, 0, p, z, w);
            return;
        }
        int z1z1 = 0, u2 = w, s2 = 2 * w, h = 3 * w, hh = 4 * w, i = 5 * w, j = 6 * w, r = 7 * w;
        f.sqr(p, z, t, z1z1);
        f.mul(q, qo, t, z1z1, t, u2);
        f.mul(q, qo + w, p, z, t, s2);
        f.mul(t, s2, t, z1z1, t, s2);
        f.sub(t, u2, p, x, t, h);
        f.sub(t, s2, p, y, t, r);
        if (f.isZero(t, h)) {
            if (f.isZero(t, r)) {
                dbl(p, o);
            } else {
                setInfinity(p, o);
            }
            return;
        }
        f.add(t, r, t, r, t, r);
        f.sqr(t, h, t, hh);
        f.add(t, hh, t, hh, t, i);
        f.add(t, i, t, i, t, i);
        f.mul(t, h, t, i, t, j);
        // V = X1·I (into u2)
        f.mul(p, x, t, i, t, u2);
        // Z3 = (Z1 + H)² − Z1Z1 − HH
        f.add(p, z, t, h, p, z);
        f.sqr(p, z, p, z);
        f.sub(p, z, t, z1z1, p, z);
        f.sub(p, z, t, hh, p, z);
        // X3 = r² − J − 2V
        f.sqr(t, r, p, x);
        f.sub(p, x, t, j, p, x);
        f.sub(p, x, t, u2, p, x);
        f.sub(p, x, t, u2, p, x);
        // Y3 = r(V − X3) − 2·Y1·J
        f.mul(p, y, t, j, t, s2);
        f.add(t, s2, t, s2, t, s2);
        f.sub(t, u2, p, x, t, u2);
        f.mul(t, r, t, u2, p, y);
        f.sub(p, y, t, s2, p, y);
    }

    /** p += q, both Jacobian (add-2007-bl). */
    void add(long[] p, int o, long[] q, int qo) {
        if (isInfinity(q, qo)) {
            return;
        }
        if (isInfinity(p, o)) {
            System.arraycopy(q, qo, p, o, 3 * w);
            return;
        }
        int x1 = o, y1 = o + w, z1 = o + 2 * w, x2 = qo, y2 = qo + w, z2 = qo + 2 * w;
        int z1z1 = 0, z2z2 = w, u1 = 2 * w, u2 = 3 * w, s1 = 4 * w, s2 = 5 * w, h = 6 * w, i = 7 * w, j = 8 * w;
        f.sqr(p, z1, t, z1z1);
        f.sqr(q, z2, t, z2z2);
        f.mul(p, x1, t, z2z2, t, u1);
        f.mul(q, x2, t, z1z1, t, u2);
        f.mul(p, y1, q, z2, t, s1);
        f.mul(t, s1, t, z2z2, t, s1);
        f.mul(q, y2, p, z1, t, s2);
        f.mul(t, s2, t, z1z1, t, s2);
        f.sub(t, u2, t, u1, t, h);
        f.sub(t, s2, t, s1, t, s2); // r/2
        if (f.isZero(t, h)) {
            if (f.isZero(t, s2)) {
                dbl(p, o);
            } else {
                setInfinity(p, o);
            }
            return;
        }
        f.add(t, s2, t, s2, t, s2); // r
        f.add(t, h, t, h, t, i);
        f.sqr(t, i, t, i);
        f.mul(t, h, t, i, t, j);
        f.mul(t, u1, t, i, t, u1); // V
        // Z3 = ((Z1 + Z2)² − Z1Z1 − Z2Z2)·H
        f.add(p, z1, q, z2, p, z1);
        f.sqr(p, z1, p, z1);
        f.sub(p, z1, t, z1z1, p, z1);
        f.sub(p, z1, t, z2z2, p, z1);
        f.mul(p, z1, t, h, p, z1);
        // X3 = r² − J − 2V
        f.sqr(t, s2, p, x1);
        f.sub(p, x1, t, j, p, x1);
        f.sub(p, x1, t, u1, p, x1);
        f.sub(p, x1, t, u1, p, x1);
        // Y3 = r(V − X3) − 2·S1·J
        f.mul(t, s1, t, j, t, s1);
        f.add(t, s1, t, s1, t, s1);
        f.sub(t, u1, p, x1, t, u1);
        f.mul(t, s2, t, u1, p, y1);
        f.sub(p, y1, t, s1, p, y1);
    }

}
