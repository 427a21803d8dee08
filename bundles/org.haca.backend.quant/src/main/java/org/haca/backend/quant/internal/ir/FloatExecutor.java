package org.haca.backend.quant.internal.ir;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

import org.haca.backend.quant.internal.qprog.QExecutor;

/**
 * Float32 reference executor of a {@link Graph} with ONNX semantics, single-threaded with a fixed summation order (so
 * calibration, which runs on it, is reproducible on every machine). Used to calibrate activation ranges and as the
 * float reference in tests; not used to serve requests.
 */
public final class FloatExecutor {

    /** A float activation: row-major data and shape. */
    public record FTensor(int[] shape, float[] data) {
    }

    private final Graph graph;

    public FloatExecutor(Graph graph) {
        this.graph = graph;
    }

    /** Runs the graph; {@code observer} (may be null) sees every tensor the graph computes, inputs included. */
    public Map<String, FTensor> run(Map<String, FTensor> inputs, BiConsumer<String, FTensor> observer) {
        Map<String, FTensor> env = new HashMap<>();
        for (Map.Entry<String, ConstTensor> e : graph.initializers().entrySet()) {
            env.put(e.getKey(), new FTensor(toInt(e.getValue().shape()), e.getValue().asFloats()));
        }
        for (Graph.ValueInfo in : graph.inputs()) {
            FTensor t = inputs.get(in.name());
            if (t == null) {
                throw new IllegalArgumentException("missing input " + in.name());
            }
            env.put(in.name(), t);
            if (observer != null) {
                observer.accept(in.name(), t);
            }
        }
        for (Node n : graph.nodes()) {
            FTensor y = exec(n, env);
            env.put(n.outputs().get(0), y);
            if (observer != null) {
                observer.accept(n.outputs().get(0), y);
            }
        }
        Map<String, FTensor> out = new LinkedHashMap<>();
        for (Graph.ValueInfo o : graph.outputs()) {
            out.put(o.name(), env.get(o.name()));
        }
        return out;
    }

    static int[] toInt(long[] s) {
        int[] r = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            r[i] = (int) s[i];
        }
        return r;
    }

    private FTensor exec(Node n, Map<String, FTensor> env) {
        FTensor x = env.get(n.input(0));
        switch (n.opType()) {
            case "Identity":
            case "Dropout":
                return x;
            case "Constant": {
                ConstTensor c = (ConstTensor) n.attrs().get("value");
                return new FTensor(toInt(c.shape()), c.asFloats());
            }
            case "Relu": {
                float[] d = x.data().clone();
                for (int i = 0; i < d.length; i++) {
                    d[i] = d[i] < 0 ? 0f : d[i];
                }
                return new FTensor(x.shape(), d);
            }
            case "Flatten":
                return new FTensor(QExecutor.flatten(x.shape(), (int) n.attrLong("axis", 1), n.outputs().get(0)), x.data());
            case "Reshape": {
                float[] spec = env.get(n.input(1)).data();
                long[] s = new long[spec.length];
                for (int i = 0; i < s.length; i++) {
                    s[i] = (long) spec[i];
                }
                return new FTensor(QExecutor.reshape(x.shape(), s, n.outputs().get(0)), x.data());
            }
            case "Add":
                return add(x, env.get(n.input(1)));
            case "Gemm":
                return gemm(n, x, env.get(n.input(1)), n.input(2).isEmpty() ? null : env.get(n.input(2)));
            case "MatMul":
                return matmul(x, env.get(n.input(1)));
            case "Conv":
                return conv(n, x, env.get(n.input(1)), n.input(2).isEmpty() ? null : env.get(n.input(2)));
            case "MaxPool":
            case "AveragePool":
                return pool(n, x);
            default:
                throw new IllegalArgumentException("float reference does not support " + n.opType());
        }
    }

    private static FTensor add(FTensor a, FTensor b) {
        int[] os = broadcast(a.shape(), b.shape());
        int[] ia = index(a.shape(), os);
        int[] ib = index(b.shape(), os);
        float[] o = new float[ia.length];
        for (int i = 0; i < o.length; i++) {
            o[i] = a.data()[ia[i]] + b.data()[ib[i]];
        }
        return new FTensor(os, o);
    }

    private static int[] broadcast(int[] a, int[] b) {
        return callBroadcast(a, b);
    }

    private static int[] callBroadcast(int[] a, int[] b) {
        int r = Math.max(a.length, b.length);
        int[] o = new int[r];
        for (int i = 0; i < r; i++) {
            int da = i - (r - a.length) >= 0 ? a[i - (r - a.length)] : 1;
            int db = i - (r - b.length) >= 0 ? b[i - (r - b.length)] : 1;
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException("shapes " + Arrays.toString(a) + " and " + Arrays.toString(b) + " do not broadcast");
            }
            o[i] = da == 1 ? db : da;
        }
        return o;
    }

    private static int[] index(int[] s, int[] out) {
        int r = out.length;
        int[] strides = new int[r];
        int st = 1;
        for (int i = s.length - 1; i >= 0; i--) {
            strides[i + (r - s.length)] = s[i] == 1 ? 0 : st;
            st *= s[i];
        }
        int n = 1;
        for (int d : out) {
            n *= d;
        }
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

    private static FTensor gemm(Node n, FTensor a, FTensor b, FTensor c) {
        boolean ta = n.attrLong("transA", 0) != 0;
        boolean tb = n.attrLong("transB", 0) != 0;
        float alpha = n.attrFloat("alpha", 1f);
        float beta = n.attrFloat("beta", 1f);
        int rows = ta ? a.shape()[1] : a.shape()[0];
        int k = ta ? a.shape()[0] : a.shape()[1];
        int m = tb ? b.shape()[0] : b.shape()[1];
        float[] o = new float[rows * m];
        int[] ic = c == null ? null : index(c.shape(), new int[] {rows, m});
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < m; j++) {
                float s = 0f;
                for (int i = 0; i < k; i++) {
                    float av = ta ? a.data()[i * rows + r] : a.data()[r * k + i];
                    float bv = tb ? b.data()[j * k + i] : b.data()[i * m + j];
                    s += av * bv;
                }
                float v = alpha * s;
                if (c != null) {
                    v += beta * c.data()[ic[r * m + j]];
                }
                o[r * m + j] = v;
            }
        }
        return new FTensor(new int[] {rows, m}, o);
    }

    private static FTensor matmul(FTensor a, FTensor b) {
        int[] as = a.shape();
        int k = as[as.length - 1];
        if (b.shape().length != 2 || b.shape()[0] != k) {
            throw new IllegalArgumentException("MatMul reference needs a 2-D right operand");
        }
        int m = b.shape()[1];
        int rows = a.data().length / k;
        float[] o = new float[rows * m];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < m; j++) {
                float s = 0f;
                for (int i = 0; i < k; i++) {
                    s += a.data()[r * k + i] * b.data()[i * m + j];
                }
                o[r * m + j] = s;
            }
        }
        int[] os = as.clone();
        os[os.length - 1] = m;
        return new FTensor(os, o);
    }

    private static int[] ints(long[] v, int[] dflt) {
        return v == null ? dflt : toInt(v);
    }

    private static FTensor conv(Node n, FTensor x, FTensor w, FTensor bias) {
        int[] s = x.shape();
        int[] ws = w.shape();
        int nb = s[0];
        int ch = s[1];
        int h = s[2];
        int wd = s[3];
        int m = ws[0];
        int kh = ws[2];
        int kw = ws[3];
        int[] p = ints(n.attrLongs("pads"), new int[4]);
        int[] st = ints(n.attrLongs("strides"), new int[] {1, 1});
        int[] dl = ints(n.attrLongs("dilations"), new int[] {1, 1});
        int oh = (h + p[0] + p[2] - dl[0] * (kh - 1) - 1) / st[0] + 1;
        int ow = (wd + p[1] + p[3] - dl[1] * (kw - 1) - 1) / st[1] + 1;
        float[] o = new float[nb * m * oh * ow];
        float[] xd = x.data();
        float[] wdta = w.data();
        for (int b = 0; b < nb; b++) {
            for (int mm = 0; mm < m; mm++) {
                for (int y = 0; y < oh; y++) {
                    for (int xx = 0; xx < ow; xx++) {
                        float acc = 0f;
                        for (int c = 0; c < ch; c++) {
                            for (int i = 0; i < kh; i++) {
                                int iy = y * st[0] - p[0] + i * dl[0];
                                if (iy < 0 || iy >= h) {
                                    continue;
                                }
                                for (int j = 0; j < kw; j++) {
                                    int ix = xx * st[1] - p[1] + j * dl[1];
                                    if (ix >= 0 && ix < wd) {
                                        acc += xd[((b * ch + c) * h + iy) * wd + ix] * wdta[((mm * ch + c) * kh + i) * kw + j];
                                    }
                                }
                            }
                        }
                        if (bias != null) {
                            acc += bias.data()[mm];
                        }
                        o[((b * m + mm) * oh + y) * ow + xx] = acc;
                    }
                }
            }
        }
        return new FTensor(new int[] {nb, m, oh, ow}, o);
    }

    private static FTensor pool(Node n, FTensor x) {
        boolean max = n.opType().equals("MaxPool");
        int[] s = x.shape();
        int[] k = toInt(n.attrLongs("kernel_shape"));
        int[] p = ints(n.attrLongs("pads"), new int[4]);
        int[] st = ints(n.attrLongs("strides"), new int[] {1, 1});
        boolean includePad = n.attrLong("count_include_pad", 0) != 0;
        int h = s[2];
        int w = s[3];
        int oh = (h + p[0] + p[2] - k[0]) / st[0] + 1;
        int ow = (w + p[1] + p[3] - k[1]) / st[1] + 1;
        float[] o = new float[s[0] * s[1] * oh * ow];
        int idx = 0;
        for (int pl = 0; pl < s[0] * s[1]; pl++) {
            for (int y = 0; y < oh; y++) {
                for (int xx = 0; xx < ow; xx++) {
                    float best = Float.NEGATIVE_INFINITY;
                    float sum = 0f;
                    int cnt = 0;
                    for (int i = 0; i < k[0]; i++) {
                        int iy = y * st[0] - p[0] + i;
                        for (int j = 0; j < k[1]; j++) {
                            int ix = xx * st[1] - p[1] + j;
                            if (iy >= 0 && iy < h && ix >= 0 && ix < w) {
                                float v = x.data()[pl * h * w + iy * w + ix];
                                best = Math.max(best, v);
                                sum += v;
                                cnt++;
                            }
                        }
                    }
                    o[idx++] = max ? best : sum / (includePad ? k[0] * k[1] : cnt);
                }
            }
        }
        return new FTensor(new int[] {s[0], s[1], oh, ow}, o);
    }
}
