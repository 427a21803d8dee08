package org.haca.backend.quant.internal.qprog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Executes a {@link QProgram} with integer arithmetic only. Thread-safe: the executor holds only immutable prepared
 * weights; every call allocates its own buffers. Each output element is computed by one fixed sequence of integer
 * operations, so results do not depend on threads, machines or JVMs. (Integer addition is associative, so even the
 * order of the accumulation does not matter; int32 overflow cannot happen, see {@code Quantizer} overflow checks.)
 */
public final class QExecutor {
    private final QProgram program;
    /** Per op: widened weights, [M][K] for Linear and [M][C·KH·KW] for Conv. */
    private final int[][] wideWeights;
    private final int threads;

    public QExecutor(QProgram program) {
        this(program, 1);
    }

    /**
     * @param threads threads one large matrix product may use (1 = the calling thread only); results do not depend on it
     */
    public QExecutor(QProgram program, int threads) {
        this.program = program;
        this.threads = Math.max(1, threads);
        validate(program);
        List<QOp> ops = program.ops();
        wideWeights = new int[ops.size()][];
        for (int i = 0; i < ops.size(); i++) {
            QOp op = ops.get(i);
            if (op instanceof QOp.Linear l) {
                wideWeights[i] = widen(l.weight());
            } else if (op instanceof QOp.Conv c) {
                wideWeights[i] = widen(c.weight());
            }
        }
    }

    public QProgram program() {
        return program;
    }

    private static void validate(QProgram p) {
        Set<String> defined = new HashSet<>();
        for (QProgram.Input in : p.inputs()) {
            defined.add(in.name());
            if (p.exponent(in.name()) != in.exponent()) {
                throw new IllegalArgumentException("input " + in.name() + ": exponent mismatch");
            }
        }
        for (QOp op : p.ops()) {
            for (String in : op.inputs()) {
                if (!defined.contains(in)) {
                    throw new IllegalArgumentException("op " + op.getClass().getSimpleName() + " reads undefined tensor " + in);
                }
            }
            p.exponent(op.output());
            defined.add(op.output());
            if (op instanceof QOp.Linear l && l.shift() != p.exponent(l.input()) + l.weightExp() - p.exponent(l.output())) {
                throw new IllegalArgumentException("Linear " + l.output() + ": shift does not match exponents");
            }
            if (op instanceof QOp.Conv c && c.shift() != p.exponent(c.input()) + c.weightExp() - p.exponent(c.output())) {
                throw new IllegalArgumentException("Conv " + c.output() + ": shift does not match exponents");
            }
        }
        for (QProgram.Output out : p.outputs()) {
            if (!defined.contains(out.tensor()) || p.exponent(out.tensor()) != out.exponent()) {
                throw new IllegalArgumentException("output " + out.name() + " is not produced or has a wrong exponent");
            }
        }
    }

    private static int[] widen(byte[] b) {
        int[] w = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            w[i] = b[i];
        }
        return w;
    }

    /**
     * Runs the program on int8 inputs (keyed by input name, exponents as declared) and returns every output as int8.
     *
     * @throws IllegalArgumentException when a shape does not fit the program (message names the tensor)
     */
    public Map<String, QTensor> run(Map<String, QTensor> inputs) {
        Map<String, QTensor> env = runAll(inputs);
        Map<String, QTensor> out = new LinkedHashMap<>();
        for (QProgram.Output o : program.outputs()) {
            out.put(o.name(), env.get(o.tensor()));
        }
        return out;
    }

    /**
     * Runs the program and returns every tensor it defines (inputs, then each op's output, in execution order): the
     * full integer trace a witness generator needs.
     */
    public Map<String, QTensor> runAll(Map<String, QTensor> inputs) {
        Map<String, QTensor> env = new LinkedHashMap<>();
        for (QProgram.Input in : program.inputs()) {
            QTensor t = inputs.get(in.name());
            if (t == null) {
                throw new IllegalArgumentException("missing input " + in.name());
            }
            if (t.exponent() != in.exponent()) {
                throw new IllegalArgumentException("input " + in.name() + " has exponent " + t.exponent() + ", expected "
                        + in.exponent());
            }
            env.put(in.name(), t);
        }
        List<QOp> ops = program.ops();
        for (int i = 0; i < ops.size(); i++) {
            QOp op = ops.get(i);
            int outExp = program.exponent(op.output());
            QTensor y;
            if (op instanceof QOp.Linear l) {
                y = linear(l, wideWeights[i], env.get(l.input()), outExp, threads);
            } else if (op instanceof QOp.Conv c) {
                y = conv(c, wideWeights[i], env.get(c.input()), outExp, threads);
            } else if (op instanceof QOp.MaxPool p) {
                y = maxPool(p, env.get(p.input()));
            } else if (op instanceof QOp.AvgPool p) {
                y = avgPool(p, env.get(p.input()));
            } else if (op instanceof QOp.Relu r) {
                QTensor x = env.get(r.input());
                byte[] d = x.data().clone();
                for (int j = 0; j < d.length; j++) {
                    if (d[j] < 0) {
                        d[j] = 0;
                    }
                }
                y = new QTensor(x.shape(), d, x.exponent());
            } else if (op instanceof QOp.Add a) {
                y = add(a, env.get(a.a()), env.get(a.b()), outExp);
            } else if (op instanceof QOp.AddConst a) {
                y = addConst(a, env.get(a.input()), outExp);
            } else if (op instanceof QOp.Reshape r) {
                QTensor x = env.get(r.input());
                y = new QTensor(reshape(x.shape(), r.shape(), r.output()), x.data(), x.exponent());
            } else if (op instanceof QOp.Flatten f) {
                QTensor x = env.get(f.input());
                y = new QTensor(flatten(x.shape(), f.axis(), f.output()), x.data(), x.exponent());
            } else {
                throw new IllegalStateException("unknown op " + op);
            }
            if (y.exponent() != outExp) {
                throw new IllegalStateException("exponent of " + op.output() + " is " + y.exponent() + ", program says " + outExp);
            }
            env.put(op.output(), y);
        }
        return env;
    }

    // ---------------------------------------------------------------- Linear

    private static QTensor linear(QOp.Linear l, int[] w, QTensor x, int outExp, int threads) {
        int[] s = x.shape();
        if (s.length < 1 || s[s.length - 1] != l.k()) {
            throw new IllegalArgumentException("tensor " + l.input() + " has shape " + Arrays.toString(s)
                    + ", its last dimension must be " + l.k());
        }
        int k = l.k();
        int m = l.m();
        int rows = x.data().length / Math.max(1, k);
        if (k == 0) {
            rows = 1;
            for (int i = 0; i < s.length - 1; i++) {
                rows *= s[i];
            }
        }
        byte[] out = new byte[rows * m];
        gemmRequant(x.data(), rows, k, w, m, l.bias(), l.shift(), l.relu() ? 0 : QMath.INT8_MIN, out, threads);
        int[] os = s.clone();
        os[os.length - 1] = m;
        return new QTensor(os, out, outExp);
    }

    /**
     * out[r][j] = requant(bias[j] + Σ_k x[r][k] · w[j][k], shift, lo) for int8 x [rows][k] and widened weights w [m][k].
     */
    static void gemmRequant(byte[] xb, int rows, int k, int[] w, int m, int[] bias, int shift, int lo, byte[] out,
            int threads) {
        int[] x = new int[rows * k];
        for (int i = 0; i < x.length; i++) {
            x[i] = xb[i];
        }
        int[] acc = new int[rows * m];
        Gemm.gemm(x, rows, k, w, m, acc, threads);
        for (int r = 0; r < rows; r++) {
            int o = r * m;
            for (int j = 0; j < m; j++) {
                int a = acc[o + j];
                if (bias != null) {
                    a += bias[j];
                }
                out[o + j] = (byte) QMath.requant(a, shift, lo);
            }
        }
    }

    // ---------------------------------------------------------------- Conv

    private static QTensor conv(QOp.Conv c, int[] w, QTensor x, int outExp, int threads) {
        int[] s = x.shape();
        if (s.length != 4 || s[1] != c.c()) {
            throw new IllegalArgumentException("tensor " + c.input() + " has shape " + Arrays.toString(s)
                    + ", Conv needs [N, " + c.c() + ", H, W]");
        }
        int n = s[0];
        int ch = s[1];
        int h = s[2];
        int wd = s[3];
        int[] p = c.pads();
        int sh = c.strides()[0];
        int sw = c.strides()[1];
        int dh = c.dilations()[0];
        int dw = c.dilations()[1];
        int oh = outDim(h, p[0] + p[2], c.kh(), dh, sh, c.output());
        int ow = outDim(wd, p[1] + p[3], c.kw(), dw, sw, c.output());
        int kk = ch * c.kh() * c.kw();
        int m = c.m();
        int plane = oh * ow;
        byte[] out = new byte[n * m * plane];
        int[] colT = new int[kk * plane];
        int[] acc = new int[m * plane];
        int lo = c.relu() ? 0 : QMath.INT8_MIN;
        byte[] xd = x.data();
        for (int b = 0; b < n; b++) {
            int xb = b * ch * h * wd;
            int ob = b * m * plane;
            // transposed im2col: row (c, i, j) holds that kernel tap's input for every output position; padding is
            // q = 0 (real 0)
            int row = 0;
            for (int cc = 0; cc < ch; cc++) {
                int xc = xb + cc * h * wd;
                for (int i = 0; i < c.kh(); i++) {
                    for (int j = 0; j < c.kw(); j++) {
                        int base = row * plane;
                        for (int y = 0; y < oh; y++) {
                            int iy = y * sh - p[0] + i * dh;
                            for (int xx = 0; xx < ow; xx++) {
                                int ix = xx * sw - p[1] + j * dw;
                                colT[base + y * ow + xx] = (iy >= 0 && iy < h && ix >= 0 && ix < wd) ? xd[xc + iy * wd + ix] : 0;
                            }
                        }
                        row++;
                    }
                }
            }
            // acc[mm][pos] = bias[mm] + Σ_t w[mm][t] · colT[t][pos]; the integer result is exact, so it equals the
            // dot-product formulation of QOp.Conv bit for bit
            Gemm.gemmTapsByPositions(w, m, kk, colT, plane, c.bias(), acc);
            for (int mm = 0; mm < m; mm++) {
                int o = ob + mm * plane;
                int ao = mm * plane;
                for (int pos = 0; pos < plane; pos++) {
                    out[o + pos] = (byte) QMath.requant(acc[ao + pos], c.shift(), lo);
                }
            }
        }
        return new QTensor(new int[] {n, m, oh, ow}, out, outExp);
    }

    static int outDim(int in, int padSum, int kernel, int dil, int stride, String name) {
        int eff = dil * (kernel - 1) + 1;
        int span = in + padSum - eff;
        if (span < 0) {
            throw new IllegalArgumentException("tensor " + name + ": input size " + in + " is smaller than the kernel " + eff);
        }
        return span / stride + 1;
    }

    // ---------------------------------------------------------------- pooling

    private static QTensor maxPool(QOp.MaxPool op, QTensor x) {
        int[] s = require4d(x, op.input());
        int[] p = op.pads();
        int oh = outDim(s[2], p[0] + p[2], op.kh(), 1, op.strides()[0], op.output());
        int ow = outDim(s[3], p[1] + p[3], op.kw(), 1, op.strides()[1], op.output());
        int h = s[2];
        int w = s[3];
        byte[] xd = x.data();
        byte[] out = new byte[s[0] * s[1] * oh * ow];
        int o = 0;
        for (int pl = 0; pl < s[0] * s[1]; pl++) {
            int base = pl * h * w;
            for (int y = 0; y < oh; y++) {
                for (int xx = 0; xx < ow; xx++) {
                    int best = QMath.INT8_MIN;
                    for (int i = 0; i < op.kh(); i++) {
                        int iy = y * op.strides()[0] - p[0] + i;
                        if (iy < 0 || iy >= h) {
                            continue;
                        }
                        for (int j = 0; j < op.kw(); j++) {
                            int ix = xx * op.strides()[1] - p[1] + j;
                            if (ix >= 0 && ix < w) {
                                best = Math.max(best, xd[base + iy * w + ix]);
                            }
                        }
                    }
                    out[o++] = (byte) best;
                }
            }
        }
        return new QTensor(new int[] {s[0], s[1], oh, ow}, out, x.exponent());
    }

    private static QTensor avgPool(QOp.AvgPool op, QTensor x) {
        int[] s = require4d(x, op.input());
        int[] p = op.pads();
        int oh = outDim(s[2], p[0] + p[2], op.kh(), 1, op.strides()[0], op.output());
        int ow = outDim(s[3], p[1] + p[3], op.kw(), 1, op.strides()[1], op.output());
        int h = s[2];
        int w = s[3];
        byte[] xd = x.data();
        byte[] out = new byte[s[0] * s[1] * oh * ow];
        int o = 0;
        for (int pl = 0; pl < s[0] * s[1]; pl++) {
            int base = pl * h * w;
            for (int y = 0; y < oh; y++) {
                for (int xx = 0; xx < ow; xx++) {
                    int sum = 0;
                    int cnt = 0;
                    for (int i = 0; i < op.kh(); i++) {
                        int iy = y * op.strides()[0] - p[0] + i;
                        for (int j = 0; j < op.kw(); j++) {
                            int ix = xx * op.strides()[1] - p[1] + j;
                            if (iy >= 0 && iy < h && ix >= 0 && ix < w) {
                                sum += xd[base + iy * w + ix];
                                cnt++;
                            }
                        }
                    }
                    if (op.countIncludePad()) {
                        cnt = op.kh() * op.kw();
                    }
                    out[o++] = (byte) roundDiv(sum, cnt);
                }
            }
        }
        return new QTensor(new int[] {s[0], s[1], oh, ow}, out, x.exponent());
    }

    /** sum / cnt rounded half up: floorDiv(2·sum + cnt, 2·cnt); 0 for an empty window. */
    static int roundDiv(int sum, int cnt) {
        if (cnt == 0) {
            return 0;
        }
        return Math.floorDiv(2 * sum + cnt, 2 * cnt);
    }

    private static int[] require4d(QTensor x, String name) {
        int[] s = x.shape();
        if (s.length != 4) {
            throw new IllegalArgumentException("tensor " + name + " has shape " + Arrays.toString(s) + ", pooling needs [N, C, H, W]");
        }
        return s;
    }

    // ---------------------------------------------------------------- Add

    private static QTensor add(QOp.Add a, QTensor x, QTensor z, int outExp) {
        int[] os = broadcast(x.shape(), z.shape(), a.output());
        int n = count(os);
        int[] ix = broadcastIndex(x.shape(), os);
        int[] iz = broadcastIndex(z.shape(), os);
        byte[] xd = x.data();
        byte[] zd = z.data();
        byte[] out = new byte[n];
        int lo = a.relu() ? 0 : QMath.INT8_MIN;
        for (int i = 0; i < n; i++) {
            long acc = ((long) xd[ix[i]] << a.shiftA()) + ((long) zd[iz[i]] << a.shiftB());
            out[i] = (byte) QMath.requant(acc, a.shift(), lo);
        }
        return new QTensor(os, out, outExp);
    }

    private static QTensor addConst(QOp.AddConst a, QTensor x, int outExp) {
        int[] os = broadcast(x.shape(), a.constShape(), a.output());
        int n = count(os);
        int[] ix = broadcastIndex(x.shape(), os);
        int[] ic = broadcastIndex(a.constShape(), os);
        byte[] xd = x.data();
        int[] c = a.constant();
        byte[] out = new byte[n];
        int lo = a.relu() ? 0 : QMath.INT8_MIN;
        for (int i = 0; i < n; i++) {
            long acc = (long) xd[ix[i]] + c[ic[i]];
            out[i] = (byte) QMath.requant(acc, a.shift(), lo);
        }
        return new QTensor(os, out, outExp);
    }

    /** numpy broadcasting of two shapes (also the ZKML compiler's, so both agree on every shape). */
    public static int[] broadcast(int[] a, int[] b, String name) {
        int r = Math.max(a.length, b.length);
        int[] o = new int[r];
        for (int i = 0; i < r; i++) {
            int da = i - (r - a.length) >= 0 ? a[i - (r - a.length)] : 1;
            int db = i - (r - b.length) >= 0 ? b[i - (r - b.length)] : 1;
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException("tensor " + name + ": shapes " + Arrays.toString(a) + " and "
                        + Arrays.toString(b) + " do not broadcast");
            }
            o[i] = da == 1 ? db : da;
        }
        return o;
    }

    /** For each element of the output shape, the flat index into a tensor of shape s broadcast to it. */
    public static int[] broadcastIndex(int[] s, int[] out) {
        int r = out.length;
        int[] strides = new int[r];
        int st = 1;
        for (int i = s.length - 1; i >= 0; i--) {
            int oi = i + (r - s.length);
            strides[oi] = s[i] == 1 ? 0 : st;
            st *= s[i];
        }
        int n = count(out);
        int[] idx = new int[n];
        int[] pos = new int[r];
        int cur = 0;
        for (int e = 0; e < n; e++) {
            idx[e] = cur;
            for (int d = r - 1; d >= 0; d--) {
                pos[d]++;
                cur += strides[d];
                if (pos[d] < out[d]) {
                    break;
                }
                cur -= strides[d] * pos[d];
                pos[d] = 0;
            }
        }
        return idx;
    }

    static int count(int[] s) {
        long n = 1;
        for (int d : s) {
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("tensor too large: " + Arrays.toString(s));
        }
        return (int) n;
    }

    // ---------------------------------------------------------------- shapes

    /** ONNX Reshape semantics (allowzero = 0). */
    public static int[] reshape(int[] in, long[] spec, String name) {
        int total = count(in);
        int[] out = new int[spec.length];
        int infer = -1;
        long known = 1;
        for (int i = 0; i < spec.length; i++) {
            long d = spec[i];
            if (d == 0) {
                if (i >= in.length) {
                    throw new IllegalArgumentException("tensor " + name + ": Reshape copies dimension " + i + " of " + Arrays.toString(in));
                }
                out[i] = in[i];
            } else if (d == -1) {
                if (infer >= 0) {
                    throw new IllegalArgumentException("tensor " + name + ": Reshape with two -1 dimensions");
                }
                infer = i;
                continue;
            } else if (d < 0) {
                throw new IllegalArgumentException("tensor " + name + ": negative Reshape dimension " + d);
            } else {
                out[i] = (int) d;
            }
            known *= out[i];
        }
        if (infer >= 0) {
            if (known == 0 || total % known != 0) {
                throw new IllegalArgumentException("tensor " + name + ": cannot reshape " + Arrays.toString(in) + " to "
                        + Arrays.toString(spec));
            }
            out[infer] = (int) (total / known);
            known *= out[infer];
        }
        if (known != total) {
            throw new IllegalArgumentException("tensor " + name + ": cannot reshape " + Arrays.toString(in) + " to "
                    + Arrays.toString(spec));
        }
        return out;
    }

    /** ONNX Flatten semantics; negative axis counts from the end. */
    public static int[] flatten(int[] in, int axis, String name) {
        int a = axis < 0 ? axis + in.length : axis;
        if (a < 0 || a > in.length) {
            throw new IllegalArgumentException("tensor " + name + ": Flatten axis " + axis + " out of range for rank " + in.length);
        }
        long outer = 1;
        for (int i = 0; i < a; i++) {
            outer *= in[i];
        }
        long inner = 1;
        for (int i = a; i < in.length; i++) {
            inner *= in[i];
        }
        return new int[] {(int) outer, (int) inner};
    }

    /** Names of all tensors the program defines, in order (inputs, then op outputs). */
    public List<String> tensorNames() {
        List<String> names = new ArrayList<>();
        program.inputs().forEach(i -> names.add(i.name()));
        program.ops().forEach(o -> names.add(o.output()));
        return names;
    }
}
