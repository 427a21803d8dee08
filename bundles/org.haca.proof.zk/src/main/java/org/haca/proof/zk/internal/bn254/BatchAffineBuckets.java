package org.haca.proof.zk.internal.bn254;

/**
 * INTERIM: the buckets of one Pippenger window kept in affine form and filled with batched affine additions: the
 * slopes' denominators of up to {@code batch} additions share one field inversion (Montgomery's trick), so an
 * addition costs ≈ 6 multiplications instead of 11 for a mixed Jacobian one. A bucket takes at most one addition per
 * batch; a point for a bucket already busy waits for the next batch. Single-threaded.
 */
final class BatchAffineBuckets {
    private final FieldOps f;
    private final int w;
    private final int nb;
    /** Bucket b: x at [2wb, 2wb + w), y after it. */
    final long[] bk;
    final boolean[] has;
    private final boolean[] busy;
    private final int batch;
    private final int[] pendBucket;
    private final long[] px;
    private final long[] py;
    private final long[] num;
    private final long[] den;
    private final long[] pre;
    private final boolean[] skip;
    private final long[] tmp;
    private final long[] zero;
    private int np;
    private int[] deferredPoint = new int[64];
    private int[] deferredDigit = new int[64];
    private int nd;

    BatchAffineBuckets(FieldOps f, int nb, int batch) {
        this.f = f;
        this.w = f.width();
        this.nb = nb;
        this.batch = batch;
        bk = new long[nb * 2 * w];
        has = new boolean[nb];
        busy = new boolean[nb];
        pendBucket = new int[batch];
        px = new long[batch * w];
        py = new long[batch * w];
        num = new long[batch * w];
        den = new long[batch * w];
        pre = new long[batch * w];
        skip = new boolean[batch];
        tmp = new long[3 * w];
        zero = new long[w];
    }

    /** Adds ±point i (affine x, y at aff[i·2w]) to bucket |d| − 1. */
    void add(long[] aff, int i, int d) {
        int b = (d > 0 ? d : -d) - 1;
        if (busy[b]) {
            defer(i, d);
            return;
        }
        int src = i * 2 * w;
        int dst = b * 2 * w;
        if (!has[b]) {
            System.arraycopy(aff, src, bk, dst, w);
            if (d > 0) {
                System.arraycopy(aff, src + w, bk, dst + w, w);
            } else {
                f.sub(zero, 0, aff, src + w, bk, dst + w);
            }
            has[b] = true;
            return;
        }
        busy[b] = true;
        int k = np++;
        pendBucket[k] = b;
        System.arraycopy(aff, src, px, k * w, w);
        if (d > 0) {
            System.arraycopy(aff, src + w, py, k * w, w);
        } else {
            f.sub(zero, 0, aff, src + w, py, k * w);
        }
        if (np == batch) {
            flush();
        }
    }

    /** Completes every pending and deferred addition. */
    void finish(long[] aff) {
        flush();
        while (nd > 0) {
            int[] pts = java.util.Arrays.copyOf(deferredPoint, nd);
            int[] dig = java.util.Arrays.copyOf(deferredDigit, nd);
            int count = nd;
            nd = 0;
            for (int j = 0; j < count; j++) {
                add(aff, pts[j], dig[j]);
            }
            flush();
        }
    }

    private void defer(int i, int d) {
        if (nd == deferredPoint.length) {
            deferredPoint = java.util.Arrays.copyOf(deferredPoint, 2 * nd);
            deferredDigit = java.util.Arrays.copyOf(deferredDigit, 2 * nd);
        }
        deferredPoint[nd] = i;
        deferredDigit[nd] = d;
        nd++;
    }

    private void flush() {
        if (np == 0) {
            return;
        }
        for (int k = 0; k < np; k++) {
            int b = pendBucket[k] * 2 * w;
            int kw = k * w;
            skip[k] = false;
            if (f.eq(bk, b, px, kw)) {
                if (f.eq(bk, b + w, py, kw)) { // doubling: λ = 3x² / 2y
                    f.sqr(bk, b, num, kw);
                    f.add(num, kw, num, kw, tmp, 0);
                    f.add(tmp, 0, num, kw, num, kw);
                    f.add(bk, b + w, bk, b + w, den, kw);
                } else { // P + (−P): the bucket empties
                    skip[k] = true;
                    has[pendBucket[k]] = false;
                    java.util.Arrays.fill(den, kw, kw + w, 0L);
                    System.arraycopy(Mont.Q.one, 0, den, kw, 4);
                }
            } else {
                f.sub(py, kw, bk, b + w, num, kw);
                f.sub(px, kw, bk, b, den, kw);
            }
        }
        // prefix products, one inversion, then each inverse from the running inverse
        System.arraycopy(den, 0, pre, 0, w);
        for (int k = 1; k < np; k++) {
            f.mul(pre, (k - 1) * w, den, k * w, pre, k * w);
        }
        long[] inv = new long[w];
        f.inv(pre, (np - 1) * w, inv, 0);
        for (int k = np - 1; k >= 0; k--) {
            int kw = k * w;
            if (k > 0) {
                f.mul(inv, 0, pre, (k - 1) * w, tmp, 0); // 1/den_k
                f.mul(inv, 0, den, kw, inv, 0);
            } else {
                System.arraycopy(inv, 0, tmp, 0, w);
            }
            int b = pendBucket[k];
            busy[b] = false;
            if (skip[k]) {
                continue;
            }
            int bo = b * 2 * w;
            // λ in tmp[w..2w), x3 in tmp[2w..3w)
            f.mul(num, kw, tmp, 0, tmp, w);
            f.sqr(tmp, w, tmp, 2 * w);
            f.sub(tmp, 2 * w, bk, bo, tmp, 2 * w);
            f.sub(tmp, 2 * w, px, kw, tmp, 2 * w);
            // y3 = λ(x1 − x3) − y1
            f.sub(bk, bo, tmp, 2 * w, bk, bo);
            f.mul(tmp, w, bk, bo, tmp, 0);
            f.sub(tmp, 0, bk, bo + w, bk, bo + w);
            System.arraycopy(tmp, 2 * w, bk, bo, w);
        }
        np = 0;
    }

    int buckets() {
        return nb;
    }
}
