package org.haca.proof.zk.internal.bn254;

/** INTERIM: arithmetic on Montgomery-form elements of Fq (width 4 limbs) or Fq2 (width 8), at array offsets. */
abstract class FieldOps {
    /** A fresh Fq instance (instances hold scratch space: one per thread). */
    static FieldOps fq() {
        return new FqOps();
    }

    /** A fresh Fq2 instance (instances hold scratch space: one per thread). */
    static FieldOps fq2() {
        return new Fq2Ops();
    }

    abstract int width();

    abstract void mul(long[] a, int ao, long[] b, int bo, long[] out, int oo);

    abstract void add(long[] a, int ao, long[] b, int bo, long[] out, int oo);

    /** out = a^{-1} (a ≠ 0). */
    abstract void inv(long[] a, int ao, long[] out, int oo);

    /** out = a². */
    void sqr(long[] a, int ao, long[] out, int oo) {
        mul(a, ao, a, ao, out, oo);
    }

    abstract void sub(long[] a, int ao, long[] b, int bo, long[] out, int oo);

    final boolean isZero(long[] a, int o) {
        for (int k = 0; k < width(); k++) {
            if (a[o + k] != 0) {
                return false;
            }
        }
        return true;
    }

    final boolean eq(long[] a, int ao, long[] b, int bo) {
        for (int k = 0; k < width(); k++) {
            if (a[ao + k] != b[bo + k]) {
                return false;
            }
        }
        return true;
    }

    private static final class FqOps extends FieldOps {
        private final Mont m = Mont.Q;

        @Override
        int width() {
            return 4;
        }

        @Override
        void mul(long[] a, int ao, long[] b, int bo, long[] out, int oo) {
            m.mul(a, ao, b, bo, out, oo);
        }

        @Override
        void inv(long[] a, int ao, long[] out, int oo) {
            m.toMont(m.fromMont(a, ao).modInverse(m.modulus), out, oo);
        }

        @Override
        void add(long[] a, int ao, long[] b, int bo, long[] out, int oo) {
            m.add(a, ao, b, bo, out, oo);
        }

        @Override
        void sub(long[] a, int ao, long[] b, int bo, long[] out, int oo) {
            m.sub(a, ao, b, bo, out, oo);
        }
    }

    /** Fq2 = Fq[u]/(u² + 1): (a0 + a1·u)(b0 + b1·u) with Karatsuba. */
    private static final class Fq2Ops extends FieldOps {
        private final Mont m = Mont.Q;
        private final long[] t = new long[16];

        @Override
        int width() {
            return 8;
        }

        @Override
        void mul(long[] a, int ao, long[] b, int bo, long[] out, int oo) {
            m.mul(a, ao, b, bo, t, 0); // a0b0
            m.mul(a, ao + 4, b, bo + 4, t, 4); // a1b1
            m.add(a, ao, a, ao + 4, t, 8); // a0 + a1
            m.add(b, bo, b, bo + 4, t, 12); // b0 + b1
            m.mul(t, 8, t, 12, t, 8);
            m.sub(t, 8, t, 0, t, 8);
            m.sub(t, 8, t, 4, out, oo + 4);
            m.sub(t, 0, t, 4, out, oo);
        }

        /** (a0 + a1·u)^{-1} = (a0 − a1·u) / (a0² + a1²). */
        @Override
        void inv(long[] a, int ao, long[] out, int oo) {
            java.math.BigInteger q = m.modulus;
            java.math.BigInteger a0 = m.fromMont(a, ao);
            java.math.BigInteger a1 = m.fromMont(a, ao + 4);
            java.math.BigInteger n = a0.multiply(a0).add(a1.multiply(a1)).mod(q).modInverse(q);
            m.toMont(a0.multiply(n), out, oo);
            m.toMont(a1.negate().multiply(n).mod(q), out, oo + 4);
        }

        /** (a0 + a1·u)² = (a0 + a1)(a0 − a1) + 2·a0·a1·u: two multiplications. */
        @Override
        void sqr(long[] a, int ao, long[] out, int oo) {
            m.add(a, ao, a, ao + 4, t, 0);
            m.sub(a, ao, a, ao + 4, t, 4);
            m.mul(a, ao, a, ao + 4, t, 8);
            m.mul(t, 0, t, 4, out, oo);
            m.add(t, 8, t, 8, out, oo + 4);
        }

        @Override
        void add(long[] a, int ao, long[] b, int bo, long[] out, int oo) {
            m.add(a, ao, b, bo, out, oo);
            m.add(a, ao + 4, b, bo + 4, out, oo + 4);
        }

        @Override
        void sub(long[] a, int ao, long[] b, int bo, long[] out, int oo) {
            m.sub(a, ao, b, bo, out, oo);
            m.sub(a, ao + 4, b, bo + 4, out, oo + 4);
        }
    }
}
