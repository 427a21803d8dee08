package org.haca.backend.quant.internal.quantize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.haca.api.inference.InferenceException;
import org.haca.backend.quant.internal.ir.ConstTensor;
import org.haca.backend.quant.internal.ir.FloatExecutor;
import org.haca.backend.quant.internal.ir.FloatExecutor.FTensor;
import org.haca.backend.quant.internal.ir.Graph;
import org.haca.backend.quant.internal.ir.Node;
import org.haca.backend.quant.internal.qprog.QMath;
import org.haca.backend.quant.internal.qprog.QOp;
import org.haca.backend.quant.internal.qprog.QProgram;

/**
 * Float {@link Graph} → {@link QProgram}. Deterministic: the same graph and {@link Options} give the same program
 * (byte for byte) on every machine, because calibration runs the single-threaded strict-float reference executor on
 * inputs drawn from a seeded {@link SplittableRandom}. See {@code docs/quantization.md} for the scheme.
 */
public final class Quantizer {

    /** Ops the backend executes; anything else is rejected at load. */
    public static final Set<String> SUPPORTED = Set.of("Gemm", "MatMul", "Add", "Relu", "Flatten", "Reshape", "Conv",
            "MaxPool", "AveragePool", "Identity", "Dropout", "Constant");

    /**
     * Calibration settings.
     *
     * @param inputLo smallest value of the model's input range contract (default 0)
     * @param inputHi largest value of the input range contract (default 1)
     * @param seed seed of the calibration inputs
     * @param samples number of calibration inputs (uniform in [inputLo, inputHi])
     */
    public record Options(float inputLo, float inputHi, long seed, int samples) {
        public static final Options DEFAULT = new Options(0f, 1f, 0x4841434151L, 64);
    }

    private final Graph g;
    private final Options opt;
    private final Map<String, ConstTensor> consts = new HashMap<>();
    private final Map<String, Integer> uses = new HashMap<>();
    private final Map<String, Node> producer = new HashMap<>();
    private final Map<String, Double> maxAbs = new HashMap<>();
    private final Map<String, Integer> exps = new LinkedHashMap<>();
    private final Map<String, String> alias = new HashMap<>();
    private final List<QOp> ops = new ArrayList<>();

    private Quantizer(Graph g, Options opt) {
        this.g = g;
        this.opt = opt;
    }

    public static QProgram quantize(Graph g) throws InferenceException {
        return quantize(g, Options.DEFAULT);
    }

    public static QProgram quantize(Graph g, Options opt) throws InferenceException {
        return new Quantizer(g, opt).run();
    }

    /** The calibration inputs for a graph (also used by tests as the float reference's inputs). */
    public static Map<String, FTensor> randomInputs(Graph g, int batch, float lo, float hi, SplittableRandom rnd) {
        Map<String, FTensor> in = new LinkedHashMap<>();
        for (Graph.ValueInfo v : g.inputs()) {
            long[] s = v.shape();
            int[] shape = new int[s.length];
            int n = 1;
            for (int i = 0; i < s.length; i++) {
                shape[i] = s[i] >= 0 ? (int) s[i] : (i == 0 ? batch : 1);
                n *= shape[i];
            }
            float[] d = new float[n];
            for (int i = 0; i < n; i++) {
                float u = (rnd.nextInt() >>> 8) * 0x1p-24f; // exact: 24 random bits in [0, 1)
                d[i] = lo + (hi - lo) * u;
            }
            in.put(v.name(), new FTensor(shape, d));
        }
        return in;
    }

    private QProgram run() throws InferenceException {
        for (Node n : g.nodes()) {
            if (!SUPPORTED.contains(n.opType())) {
                throw unsupported("operator " + n.opType() + " (node " + n.label() + ") is not supported by the quant backend; supported: "
                        + new java.util.TreeSet<>(SUPPORTED));
            }
        }
        consts.putAll(g.initializers());
        for (Node n : g.nodes()) {
            if (n.opType().equals("Constant")) {
                Object v = n.attrs().get("value");
                if (!(v instanceof ConstTensor c)) {
                    throw unsupported("Constant node " + n.label() + " without a tensor 'value'");
                }
                consts.put(n.outputs().get(0), c);
            }
            for (String in : n.inputs()) {
                if (!in.isEmpty()) {
                    uses.merge(in, 1, Integer::sum);
                }
            }
            for (String out : n.outputs()) {
                producer.put(out, n);
            }
        }
        for (Graph.ValueInfo o : g.outputs()) {
            uses.merge(o.name(), 1, Integer::sum);
        }
        List<QProgram.Input> qin = new ArrayList<>();
        int inExp = QMath.exponentFor(Math.max(Math.abs(opt.inputLo()), Math.abs(opt.inputHi())), 127);
        for (Graph.ValueInfo v : g.inputs()) {
            if (!v.floatType()) {
                throw unsupported("input " + v.name() + " is not FLOAT; the quant backend quantizes float inputs only");
            }
            qin.add(new QProgram.Input(v.name(), v.shape(), inExp));
            exps.put(v.name(), inExp);
        }
        for (Node n : g.nodes()) {
            validate(n); // reject unsupported attributes before calibration runs the float model
        }
        calibrate();
        Set<Node> done = new HashSet<>();
        for (Node n : g.nodes()) {
            if (done.contains(n) || n.opType().equals("Constant")) {
                continue;
            }
            done.add(n);
            lower(n, done);
        }
        List<QProgram.Output> qout = new ArrayList<>();
        for (Graph.ValueInfo o : g.outputs()) {
            String t = resolve(o.name());
            if (!exps.containsKey(t)) {
                throw unsupported("output " + o.name() + " is not computed from the inputs (constant outputs are not supported)");
            }
            qout.add(new QProgram.Output(o.name(), t, exps.get(t)));
        }
        return new QProgram(qin, qout, exps, ops);
    }

    /** Structural checks of one node: everything that makes the node unsupported, named in the message. */
    private void validate(Node n) throws InferenceException {
        switch (n.opType()) {
            case "Gemm":
            case "MatMul": {
                ConstTensor b = consts.get(n.input(1));
                if (consts.containsKey(n.input(0)) || b == null) {
                    throw unsupported(n.label() + ": only activation × constant-weight products are supported");
                }
                if (b.shape().length != 2) {
                    throw unsupported(n.label() + ": weight must be 2-D, got " + Arrays.toString(b.shape()));
                }
                if (n.opType().equals("Gemm")) {
                    if (n.attrLong("transA", 0) != 0) {
                        throw unsupported(n.label() + ": transA=1 is not supported");
                    }
                    if (!n.input(2).isEmpty()) {
                        ConstTensor c = consts.get(n.input(2));
                        long m = n.attrLong("transB", 0) != 0 ? b.shape()[0] : b.shape()[1];
                        if (c == null) {
                            throw unsupported(n.label() + ": bias C must be a constant");
                        }
                        vectorBias(n, c, (int) m);
                    }
                }
                return;
            }
            case "Conv": {
                ConstTensor w = consts.get(n.input(1));
                if (consts.containsKey(n.input(0)) || w == null) {
                    throw unsupported(n.label() + ": only activation inputs with constant weights are supported");
                }
                if (w.shape().length != 4) {
                    throw unsupported(n.label() + ": only 2-D convolutions are supported (weight shape "
                            + Arrays.toString(w.shape()) + ")");
                }
                if (n.attrLong("group", 1) != 1) {
                    throw unsupported(n.label() + ": group=" + n.attrLong("group", 1) + " is not supported (only group=1)");
                }
                checkAutoPad(n);
                ints(n, "pads", new int[4], 4);
                ints(n, "strides", new int[] {1, 1}, 2);
                ints(n, "dilations", new int[] {1, 1}, 2);
                if (!n.input(2).isEmpty() && consts.get(n.input(2)) == null) {
                    throw unsupported(n.label() + ": bias must be a constant");
                }
                return;
            }
            case "MaxPool":
            case "AveragePool":
                checkPool(n);
                return;
            case "Reshape":
                if (consts.get(n.input(1)) == null) {
                    throw unsupported(n.label() + " needs a constant shape");
                }
                return;
            case "Add":
                if (consts.containsKey(n.input(0)) && consts.containsKey(n.input(1))) {
                    throw unsupported(n.label() + ": Add of two constants is not supported");
                }
                return;
            default:
        }
    }

    private static void checkAutoPad(Node n) throws InferenceException {
        String autoPad = n.attrString("auto_pad", "NOTSET");
        if (!autoPad.equals("NOTSET") && !autoPad.equals("VALID")) {
            throw unsupported(n.label() + ": auto_pad=" + autoPad + " is not supported (give explicit pads)");
        }
    }

    private static void checkPool(Node n) throws InferenceException {
        if (n.outputs().size() > 1 && !n.outputs().get(1).isEmpty()) {
            throw unsupported(n.label() + ": the Indices output of MaxPool is not supported");
        }
        long[] ks = n.attrLongs("kernel_shape");
        if (ks == null || ks.length != 2) {
            throw unsupported(n.label() + ": only 2-D pooling is supported");
        }
        if (n.attrLong("ceil_mode", 0) != 0) {
            throw unsupported(n.label() + ": ceil_mode=1 is not supported");
        }
        checkAutoPad(n);
        int[] dil = ints(n, "dilations", new int[] {1, 1}, 2);
        if (dil[0] != 1 || dil[1] != 1) {
            throw unsupported(n.label() + ": pooling dilations other than 1 are not supported");
        }
        if (n.attrLong("storage_order", 0) != 0) {
            throw unsupported(n.label() + ": storage_order=1 is not supported");
        }
        ints(n, "pads", new int[4], 4);
        ints(n, "strides", new int[] {1, 1}, 2);
    }

    private void calibrate() throws InferenceException {
        FloatExecutor fx = new FloatExecutor(g);
        SplittableRandom rnd = new SplittableRandom(opt.seed());
        boolean dynamicBatch = g.inputs().stream().allMatch(v -> v.shape().length > 0 && v.shape()[0] < 0);
        int runs = dynamicBatch ? 1 : opt.samples();
        int batch = dynamicBatch ? opt.samples() : 1;
        try {
            for (int r = 0; r < runs; r++) {
                fx.run(randomInputs(g, batch, opt.inputLo(), opt.inputHi(), rnd), (name, t) -> {
                    double m = 0;
                    for (float f : t.data()) {
                        m = Math.max(m, Math.abs(f));
                    }
                    maxAbs.merge(name, m, Math::max);
                });
            }
        } catch (RuntimeException e) {
            throw unsupported("calibration of the float model failed: " + e.getMessage());
        }
    }

    private String resolve(String t) {
        String a;
        while ((a = alias.get(t)) != null) {
            t = a;
        }
        return t;
    }

    /** The single node consuming tensor t, if t has exactly one use and it is that node's input. */
    private Node soleConsumer(String t) {
        if (uses.getOrDefault(t, 0) != 1) {
            return null;
        }
        for (Node n : g.nodes()) {
            if (n.inputs().contains(t)) {
                return n;
            }
        }
        return null;
    }

    private int activationExp(String t) throws InferenceException {
        Double m = maxAbs.get(t);
        if (m == null) {
            throw unsupported("no calibration data for tensor " + t);
        }
        return QMath.exponentFor(m, 127);
    }

    private int expOf(String t) throws InferenceException {
        Integer e = exps.get(resolve(t));
        if (e == null) {
            throw unsupported("tensor " + t + " is not an activation computed from the inputs");
        }
        return e;
    }

    private void lower(Node n, Set<Node> done) throws InferenceException {
        String out = n.outputs().get(0);
        switch (n.opType()) {
            case "Identity":
            case "Dropout":
                alias.put(out, resolve(n.input(0)));
                return;
            case "Relu": {
                String in = resolve(n.input(0));
                ops.add(new QOp.Relu(in, out));
                exps.put(out, expOf(in));
                return;
            }
            case "Flatten": {
                String in = resolve(n.input(0));
                ops.add(new QOp.Flatten(in, out, (int) n.attrLong("axis", 1)));
                exps.put(out, expOf(in));
                return;
            }
            case "Reshape": {
                String in = resolve(n.input(0));
                ConstTensor shape = consts.get(n.input(1));
                if (shape == null) {
                    throw unsupported("Reshape " + n.label() + " needs a constant shape");
                }
                long[] spec = shape.asLongs();
                if (n.attrLong("allowzero", 0) != 0 && Arrays.stream(spec).anyMatch(d -> d == 0)) {
                    throw unsupported("Reshape " + n.label() + " with allowzero=1 and a 0 dimension");
                }
                ops.add(new QOp.Reshape(in, out, spec));
                exps.put(out, expOf(in));
                return;
            }
            case "MaxPool":
            case "AveragePool":
                lowerPool(n);
                return;
            case "Gemm":
            case "MatMul":
                lowerLinear(n, done);
                return;
            case "Conv":
                lowerConv(n, done);
                return;
            case "Add":
                lowerAdd(n, done);
                return;
            default:
                throw unsupported("operator " + n.opType() + " is not supported by the quant backend");
        }
    }

    /** Follows an optional Relu consumer of t; returns the Relu node or null. */
    private Node fusableRelu(String t) {
        Node c = soleConsumer(t);
        return c != null && c.opType().equals("Relu") ? c : null;
    }

    private void lowerLinear(Node n, Set<Node> done) throws InferenceException {
        String a = n.input(0);
        String bName = n.input(1);
        ConstTensor b = consts.get(bName);
        if (consts.containsKey(a) || b == null) {
            throw unsupported(n.label() + ": only activation × constant-weight products are supported");
        }
        if (b.shape().length != 2) {
            throw unsupported(n.label() + ": weight must be 2-D, got " + Arrays.toString(b.shape()));
        }
        float[] bf = b.asFloats();
        int k;
        int m;
        float[] w; // [m][k]
        float[] bias = null;
        if (n.opType().equals("Gemm")) {
            if (n.attrLong("transA", 0) != 0) {
                throw unsupported(n.label() + ": transA=1 is not supported");
            }
            boolean tb = n.attrLong("transB", 0) != 0;
            float alpha = n.attrFloat("alpha", 1f);
            float beta = n.attrFloat("beta", 1f);
            k = (int) (tb ? b.shape()[1] : b.shape()[0]);
            m = (int) (tb ? b.shape()[0] : b.shape()[1]);
            w = new float[m * k];
            for (int j = 0; j < m; j++) {
                for (int i = 0; i < k; i++) {
                    w[j * k + i] = alpha * (tb ? bf[j * k + i] : bf[i * m + j]);
                }
            }
            if (!n.input(2).isEmpty()) {
                ConstTensor c = consts.get(n.input(2));
                if (c == null) {
                    throw unsupported(n.label() + ": bias C must be a constant");
                }
                bias = vectorBias(n, c, m);
                for (int j = 0; j < m; j++) {
                    bias[j] *= beta;
                }
            }
        } else {
            k = (int) b.shape()[0];
            m = (int) b.shape()[1];
            w = new float[m * k];
            for (int j = 0; j < m; j++) {
                for (int i = 0; i < k; i++) {
                    w[j * k + i] = bf[i * m + j];
                }
            }
        }
        String out = n.outputs().get(0);
        Node add = soleConsumer(out);
        if (add != null && add.opType().equals("Add") && bias == null) {
            String other = add.input(0).equals(out) ? add.input(1) : add.input(0);
            ConstTensor c = consts.get(other);
            if (c != null && !other.equals(out) && isVectorBias(c, m)) {
                bias = vectorBias(add, c, m);
                done.add(add);
                out = add.outputs().get(0);
            }
        }
        Node relu = fusableRelu(out);
        if (relu != null) {
            done.add(relu);
            out = relu.outputs().get(0);
        }
        String in = resolve(a);
        int ex = expOf(in);
        int ey = activationExp(out);
        int ew = weightExp(w);
        byte[] wq = quantizeWeights(w, ew);
        int[] bq = quantizeBias(n, bias, ex + ew, k);
        ops.add(new QOp.Linear(in, out, m, k, wq, ew, bq, ex + ew - ey, relu != null));
        exps.put(out, ey);
    }

    private static boolean isVectorBias(ConstTensor c, int m) {
        long[] s = c.shape();
        return c.isFloat() && ((c.size() == m && (s.length == 1 || (s.length == 2 && s[0] == 1))) || c.size() == 1);
    }

    private float[] vectorBias(Node n, ConstTensor c, int m) throws InferenceException {
        long[] s = c.shape();
        long size = c.size();
        boolean ok = (size == m && (s.length == 1 || (s.length == 2 && s[0] == 1))) || size == 1;
        if (!ok) {
            throw unsupported(n.label() + ": bias of shape " + Arrays.toString(s) + " is not supported (need [" + m + "], [1, "
                    + m + "] or a scalar)");
        }
        float[] f = c.asFloats();
        float[] out = new float[m];
        for (int j = 0; j < m; j++) {
            out[j] = size == 1 ? f[0] : f[j];
        }
        return out;
    }

    private void lowerConv(Node n, Set<Node> done) throws InferenceException {
        ConstTensor w = consts.get(n.input(1));
        if (consts.containsKey(n.input(0)) || w == null) {
            throw unsupported(n.label() + ": only activation inputs with constant weights are supported");
        }
        long[] ws = w.shape();
        if (ws.length != 4) {
            throw unsupported(n.label() + ": only 2-D convolutions are supported (weight shape " + Arrays.toString(ws) + ")");
        }
        if (n.attrLong("group", 1) != 1) {
            throw unsupported(n.label() + ": group=" + n.attrLong("group", 1) + " is not supported (only group=1)");
        }
        String autoPad = n.attrString("auto_pad", "NOTSET");
        if (!autoPad.equals("NOTSET") && !autoPad.equals("VALID")) {
            throw unsupported(n.label() + ": auto_pad=" + autoPad + " is not supported (give explicit pads)");
        }
        long[] ks = n.attrLongs("kernel_shape");
        if (ks != null && (ks.length != 2 || ks[0] != ws[2] || ks[1] != ws[3])) {
            throw unsupported(n.label() + ": kernel_shape " + Arrays.toString(ks) + " does not match the weight");
        }
        int[] pads = ints(n, "pads", new int[4], 4);
        int[] strides = ints(n, "strides", new int[] {1, 1}, 2);
        int[] dil = ints(n, "dilations", new int[] {1, 1}, 2);
        int m = (int) ws[0];
        int c = (int) ws[1];
        int kh = (int) ws[2];
        int kw = (int) ws[3];
        float[] bias = null;
        if (!n.input(2).isEmpty()) {
            ConstTensor b = consts.get(n.input(2));
            if (b == null) {
                throw unsupported(n.label() + ": bias must be a constant");
            }
            bias = vectorBias(n, b, m);
        }
        String out = n.outputs().get(0);
        Node relu = fusableRelu(out);
        if (relu != null) {
            done.add(relu);
            out = relu.outputs().get(0);
        }
        String in = resolve(n.input(0));
        int ex = expOf(in);
        int ey = activationExp(out);
        float[] wf = w.asFloats();
        int ew = weightExp(wf);
        ops.add(new QOp.Conv(in, out, m, c, kh, kw, quantizeWeights(wf, ew), ew, quantizeBias(n, bias, ex + ew, c * kh * kw),
                pads, strides, dil, ex + ew - ey, relu != null));
        exps.put(out, ey);
    }

    private void lowerPool(Node n) throws InferenceException {
        if (n.outputs().size() > 1 && !n.outputs().get(1).isEmpty()) {
            throw unsupported(n.label() + ": the Indices output of MaxPool is not supported");
        }
        long[] ks = n.attrLongs("kernel_shape");
        if (ks == null || ks.length != 2) {
            throw unsupported(n.label() + ": only 2-D pooling is supported");
        }
        if (n.attrLong("ceil_mode", 0) != 0) {
            throw unsupported(n.label() + ": ceil_mode=1 is not supported");
        }
        String autoPad = n.attrString("auto_pad", "NOTSET");
        if (!autoPad.equals("NOTSET") && !autoPad.equals("VALID")) {
            throw unsupported(n.label() + ": auto_pad=" + autoPad + " is not supported (give explicit pads)");
        }
        int[] dil = ints(n, "dilations", new int[] {1, 1}, 2);
        if (dil[0] != 1 || dil[1] != 1) {
            throw unsupported(n.label() + ": pooling dilations other than 1 are not supported");
        }
        if (n.attrLong("storage_order", 0) != 0) {
            throw unsupported(n.label() + ": storage_order=1 is not supported");
        }
        int[] pads = ints(n, "pads", new int[4], 4);
        int[] strides = ints(n, "strides", new int[] {1, 1}, 2);
        String in = resolve(n.input(0));
        String out = n.outputs().get(0);
        if (n.opType().equals("MaxPool")) {
            ops.add(new QOp.MaxPool(in, out, (int) ks[0], (int) ks[1], pads, strides));
        } else {
            ops.add(new QOp.AvgPool(in, out, (int) ks[0], (int) ks[1], pads, strides, n.attrLong("count_include_pad", 0) != 0));
        }
        exps.put(out, expOf(in));
    }

    private void lowerAdd(Node n, Set<Node> done) throws InferenceException {
        String a = n.input(0);
        String b = n.input(1);
        String out = n.outputs().get(0);
        Node relu = fusableRelu(out);
        if (relu != null) {
            done.add(relu);
            out = relu.outputs().get(0);
        }
        int ey = activationExp(out);
        boolean ca = consts.containsKey(a);
        boolean cb = consts.containsKey(b);
        if (ca && cb) {
            throw unsupported(n.label() + ": Add of two constants is not supported");
        }
        if (ca || cb) {
            String x = resolve(ca ? b : a);
            ConstTensor c = consts.get(ca ? a : b);
            int ex = expOf(x);
            float[] cf = c.asFloats();
            int[] cq = new int[cf.length];
            for (int i = 0; i < cf.length; i++) {
                long v = QMath.roundScaled(cf[i], ex);
                if (Math.abs(v) > (1 << 30)) {
                    throw unsupported(n.label() + ": constant " + cf[i] + " overflows int32 at exponent " + ex);
                }
                cq[i] = (int) v;
            }
            int[] cs = new int[c.shape().length];
            for (int i = 0; i < cs.length; i++) {
                cs[i] = (int) c.shape()[i];
            }
            ops.add(new QOp.AddConst(x, out, cs, cq, ex - ey, relu != null));
        } else {
            String xa = resolve(a);
            String xb = resolve(b);
            int ea = expOf(xa);
            int eb = expOf(xb);
            int e = Math.max(ea, eb);
            if (e - Math.min(ea, eb) > 24) {
                throw unsupported(n.label() + ": operand scales differ by more than 2^24");
            }
            ops.add(new QOp.Add(xa, xb, out, e - ea, e - eb, e - ey, relu != null));
        }
        exps.put(out, ey);
    }

    private static int[] ints(Node n, String key, int[] dflt, int len) throws InferenceException {
        long[] v = n.attrLongs(key);
        if (v == null) {
            return dflt;
        }
        if (v.length != len) {
            throw unsupported(n.label() + ": attribute " + key + " must have " + len + " values, got " + Arrays.toString(v));
        }
        int[] r = new int[len];
        for (int i = 0; i < len; i++) {
            if (v[i] < 0 || (key.equals("strides") || key.equals("dilations")) && v[i] < 1) {
                throw unsupported(n.label() + ": invalid " + key + " " + Arrays.toString(v));
            }
            r[i] = (int) v[i];
        }
        return r;
    }

    static int weightExp(float[] w) throws InferenceException {
        double m = 0;
        for (float f : w) {
            if (!Float.isFinite(f)) {
                throw unsupported("weights contain " + f);
            }
            m = Math.max(m, Math.abs(f));
        }
        return QMath.exponentFor(m, 127);
    }

    static byte[] quantizeWeights(float[] w, int e) {
        byte[] q = new byte[w.length];
        for (int i = 0; i < w.length; i++) {
            q[i] = (byte) QMath.clamp(QMath.roundScaled(w[i], e), -127, 127);
        }
        return q;
    }

    /**
     * Bias at the accumulator exponent. Overflow analysis: |acc| <= |bias| + K · 128 · 127 must stay below 2^31, so
     * int32 accumulation can never wrap; models that violate it are rejected.
     */
    static int[] quantizeBias(Node n, float[] b, int eAcc, int k) throws InferenceException {
        long room = Integer.MAX_VALUE - (long) k * QMath.MAX_PRODUCT;
        if (room < 0) {
            throw unsupported(n.label() + ": reduction length " + k + " could overflow the int32 accumulator");
        }
        if (b == null) {
            return null;
        }
        int[] q = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            if (!Float.isFinite(b[i])) {
                throw unsupported(n.label() + ": bias contains " + b[i]);
            }
            long v = QMath.roundScaled(b[i], eAcc);
            if (Math.abs(v) > room) {
                throw unsupported(n.label() + ": bias " + b[i] + " at exponent " + eAcc + " could overflow the int32 accumulator");
            }
            q[i] = (int) v;
        }
        return q;
    }

    private static InferenceException unsupported(String msg) {
        return new InferenceException(InferenceException.Kind.UNSUPPORTED, msg);
    }
}
