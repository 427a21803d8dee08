package org.haca.proof.zk.internal.circuit;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.haca.backend.quant.internal.qprog.QExecutor;
import org.haca.backend.quant.internal.qprog.QMath;
import org.haca.backend.quant.internal.qprog.QOp;
import org.haca.backend.quant.internal.qprog.QProgram;
import org.haca.proof.zk.internal.r1cs.R1cs;

/**
 * Compiles a quantized program ({@link QProgram}, the integer computation {@link QExecutor} runs) into an R1CS whose
 * satisfying witnesses compute exactly {@link QExecutor}'s outputs, plus the witness generator
 * ({@link CompiledCircuit}). Public signals: {@link PublicLayout}. Batch 1: a dynamic first input dimension is fixed to 1.
 *
 * <p>Linear and Conv layers are linear combinations of the inputs with the (public, constant) weights and cost no
 * constraint; Reshape/Flatten move nothing; requantization, ReLU, MaxPool, AveragePool and Add cost range checks
 * ({@link QuantGadgets}); the input commitment costs 8 constraints per input value plus Poseidon.
 */
public final class CircuitCompiler {
    /** Refuse circuits beyond this (a Groth16 setup of 2^26 constraints is already far beyond a node's budget). */
    public static final long DEFAULT_MAX_CONSTRAINTS = 1L << 26;

    private final QProgram program;
    private final CircuitBuilder b;
    private final Map<String, IntExpr[]> values = new HashMap<>();
    private final Map<String, int[]> shapes;
    private int counted;

    private CircuitCompiler(QProgram program, Map<String, int[]> shapes, int reserved, long maxConstraints) {
        this.program = program;
        this.shapes = shapes;
        this.b = new CircuitBuilder(reserved, maxConstraints);
    }

    public static CompiledCircuit compile(QProgram program) {
        return compile(program, DEFAULT_MAX_CONSTRAINTS);
    }

    /**
     * @throws IllegalArgumentException naming the op or tensor when the program is inconsistent, uses an op or
     *         parameter the circuit does not support, or exceeds {@code maxConstraints}
     */
    public static CompiledCircuit compile(QProgram program, long maxConstraints) {
        java.util.Objects.requireNonNull(program, "program");
        new QExecutor(program); // structural validation: defined tensors, exponents, shifts
        Map<String, int[]> shapes = new HashMap<>();
        List<CompiledCircuit.InputSlot> inputSlots = new ArrayList<>();
        int outputElements = 0;
        int inputElements = 0;
        for (QProgram.Input in : program.inputs()) {
            int[] s = fixedShape(in);
            shapes.put(in.name(), s);
            inputElements = Math.addExact(inputElements, OpShapes.count(s));
        }
        for (QOp op : program.ops()) {
            shapes.put(op.output(), OpShapes.output(op, shapes));
        }
        List<PublicLayout.OutputSlot> outs = new ArrayList<>();
        for (QProgram.Output o : program.outputs()) {
            int[] s = shapes.get(o.tensor());
            int n = OpShapes.count(s);
            outs.add(new PublicLayout.OutputSlot(o.name(), o.tensor(), s, o.exponent(), outputElements, n));
            outputElements = Math.addExact(outputElements, n);
        }
        PublicLayout layout = new PublicLayout(outs, outputElements);
        int firstPrivate = 1 + layout.nPublic();
        int wire = firstPrivate;
        for (QProgram.Input in : program.inputs()) {
            int[] s = shapes.get(in.name());
            inputSlots.add(new CompiledCircuit.InputSlot(in.name(), s, in.exponent(), wire, OpShapes.count(s)));
            wire += OpShapes.count(s);
        }
        CircuitCompiler c = new CircuitCompiler(program, shapes, wire, maxConstraints);
        BigInteger[] modelCommit = CompiledCircuit.modelCommitment(program);
        Map<String, Integer> parts = new LinkedHashMap<>();
        c.publicInputs(layout, modelCommit);
        c.part(parts, "public inputs");
        List<IntExpr> int8 = c.privateInputs(inputSlots);
        c.part(parts, "input range checks");
        c.commitment(int8, layout);
        c.part(parts, "input commitment");
        for (QOp op : program.ops()) {
            try {
                c.values.put(op.output(), c.compileOp(op));
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("op " + op.getClass().getSimpleName() + " (" + op.output()
                        + "): values exceed the range the circuit supports", e);
            }
            c.part(parts, op.getClass().getSimpleName() + " " + op.output());
        }
        c.publicOutputs(layout);
        c.part(parts, "public outputs");
        R1cs r1cs = new R1cs(c.b.wireCount(), layout.nPubOut(), layout.nPubIn(), inputElements, c.b.wireCount(),
                c.b.constraints());
        return new CompiledCircuit(program, r1cs, layout, inputSlots, c.b.steps(), modelCommit, parts);
    }

    /** Records the constraints added since the previous part. */
    private void part(Map<String, Integer> parts, String name) {
        int total = b.constraints().size();
        parts.merge(name, total - counted, Integer::sum);
        counted = total;
    }

    private static int[] fixedShape(QProgram.Input in) {
        long[] s = in.shape();
        int[] o = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            if (s[i] < 0 && i == 0) {
                o[i] = 1;
            } else if (s[i] < 0 || s[i] > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("input " + in.name() + " has dynamic or invalid dimension " + i
                        + " in " + Arrays.toString(s) + "; only the batch dimension may be dynamic (fixed to 1)");
            } else {
                o[i] = (int) s[i];
            }
        }
        return o;
    }

    /** modelCommitLo/Hi equal their constants; binding appears in one (trivially true) constraint. */
    private void publicInputs(PublicLayout layout, BigInteger[] modelCommit) {
        b.enforceEqual(CircuitBuilder.wire(PublicLayout.wireOf(layout.modelCommitLoIndex())),
                CircuitBuilder.constant(modelCommit[0]));
        b.enforceEqual(CircuitBuilder.wire(PublicLayout.wireOf(layout.modelCommitHiIndex())),
                CircuitBuilder.constant(modelCommit[1]));
        // binding · 1 = binding holds for any value; it puts the wire into A and C so that even a Groth16 setup
        // without snarkjs's extra "public input" rows gives it a non-zero verification-key point (it is bound).
        int bw = PublicLayout.wireOf(layout.bindingIndex());
        b.enforceEqual(CircuitBuilder.wire(bw), CircuitBuilder.wire(bw));
    }

    /** Range-checks every private input to int8: 8 bits of q + 128 (8 constraints each). */
    private List<IntExpr> privateInputs(List<CompiledCircuit.InputSlot> slots) {
        List<IntExpr> all = new ArrayList<>();
        for (CompiledCircuit.InputSlot s : slots) {
            IntExpr[] v = new IntExpr[s.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = IntExpr.wire(s.firstWire() + i, QMath.INT8_MIN, QMath.INT8_MAX);
                RangeGadgets.decompose(b, v[i].plus(128), 8);
                all.add(v[i]);
            }
            values.put(s.name(), v);
        }
        return all;
    }

    /** The input commitment (Poseidon chain over the packed inputs) equals its public output wire. */
    private void commitment(List<IntExpr> int8, PublicLayout layout) {
        var commitment = InputCommitment.circuit(b, int8);
        int cw = PublicLayout.wireOf(layout.inputCommitmentIndex());
        b.enforceEqual(commitment, CircuitBuilder.wire(cw));
        b.step(s -> s.setBig(cw, s.eval(commitment)));
    }

    private void publicOutputs(PublicLayout layout) {
        for (PublicLayout.OutputSlot o : layout.outputs()) {
            IntExpr[] v = values.get(o.tensor());
            for (int i = 0; i < o.size(); i++) {
                int w = PublicLayout.wireOf(o.firstSignal() + i);
                IntExpr y = v[i];
                b.enforceEqual(y.toLc(), CircuitBuilder.wire(w));
                b.step(s -> s.setInt(w, s.eval(y)));
            }
        }
    }

    private IntExpr[] compileOp(QOp op) {
        if (op instanceof QOp.Linear l) {
            return linear(l);
        }
        if (op instanceof QOp.Conv c) {
            return conv(c);
        }
        if (op instanceof QOp.MaxPool p) {
            return pool(p.input(), p.kh(), p.kw(), p.pads(), p.strides(), true, false);
        }
        if (op instanceof QOp.AvgPool p) {
            return pool(p.input(), p.kh(), p.kw(), p.pads(), p.strides(), false, p.countIncludePad());
        }
        if (op instanceof QOp.Relu r) {
            IntExpr[] x = values.get(r.input());
            IntExpr[] y = new IntExpr[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = QuantGadgets.requant(b, x[i], 0, 0); // clamp(x, 0, 127) = max(0, x) for int8 x
            }
            return y;
        }
        if (op instanceof QOp.Add a) {
            return add(a);
        }
        if (op instanceof QOp.AddConst a) {
            return addConst(a);
        }
        if (op instanceof QOp.Reshape r) {
            return values.get(r.input());
        }
        if (op instanceof QOp.Flatten f) {
            return values.get(f.input());
        }
        throw new IllegalArgumentException("operation " + op.getClass().getSimpleName() + " (" + op.output()
                + ") is not supported by the circuit compiler");
    }

    private IntExpr[] linear(QOp.Linear l) {
        IntExpr[] x = values.get(l.input());
        int k = l.k();
        int m = l.m();
        int rows = k == 0 ? OpShapes.count(shapes.get(l.output())) / Math.max(1, m) : x.length / k;
        IntExpr[] y = new IntExpr[rows * m];
        int lo = l.relu() ? 0 : QMath.INT8_MIN;
        IntExpr.Accumulator acc = new IntExpr.Accumulator(b.wireCount());
        byte[] w = l.weight();
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < m; j++) {
                if (l.bias() != null) {
                    acc.addConstant(l.bias()[j]);
                }
                for (int i = 0; i < k; i++) {
                    acc.add(w[j * k + i], x[r * k + i]);
                }
                y[r * m + j] = QuantGadgets.requant(b, acc.build(), l.shift(), lo);
            }
        }
        return y;
    }

    private IntExpr[] conv(QOp.Conv c) {
        IntExpr[] x = values.get(c.input());
        int[] s = shapes.get(c.input());
        int[] o = shapes.get(c.output());
        int ch = s[1];
        int h = s[2];
        int wd = s[3];
        int oh = o[2];
        int ow = o[3];
        int[] p = c.pads();
        int lo = c.relu() ? 0 : QMath.INT8_MIN;
        IntExpr[] y = new IntExpr[OpShapes.count(o)];
        IntExpr.Accumulator acc = new IntExpr.Accumulator(b.wireCount());
        byte[] w = c.weight();
        int out = 0;
        for (int n = 0; n < s[0]; n++) {
            for (int m = 0; m < c.m(); m++) {
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++) {
                        if (c.bias() != null) {
                            acc.addConstant(c.bias()[m]);
                        }
                        for (int cc = 0; cc < ch; cc++) {
                            for (int i = 0; i < c.kh(); i++) {
                                int iy = oy * c.strides()[0] - p[0] + i * c.dilations()[0];
                                for (int j = 0; j < c.kw(); j++) {
                                    int ix = ox * c.strides()[1] - p[1] + j * c.dilations()[1];
                                    if (iy >= 0 && iy < h && ix >= 0 && ix < wd) { // padding is q = 0
                                        acc.add(w[((m * ch + cc) * c.kh() + i) * c.kw() + j],
                                                x[((n * ch + cc) * h + iy) * wd + ix]);
                                    }
                                }
                            }
                        }
                        y[out++] = QuantGadgets.requant(b, acc.build(), c.shift(), lo);
                    }
                }
            }
        }
        return y;
    }

    private IntExpr[] pool(String input, int kh, int kw, int[] p, int[] strides, boolean max, boolean countIncludePad) {
        IntExpr[] x = values.get(input);
        int[] s = shapes.get(input);
        int h = s[2];
        int wd = s[3];
        int oh = OpShapes.outDim(h, p[0] + p[2], kh, 1, strides[0], input);
        int ow = OpShapes.outDim(wd, p[1] + p[3], kw, 1, strides[1], input);
        IntExpr[] y = new IntExpr[s[0] * s[1] * oh * ow];
        IntExpr.Accumulator sum = new IntExpr.Accumulator(b.wireCount());
        int o = 0;
        for (int plane = 0; plane < s[0] * s[1]; plane++) {
            int base = plane * h * wd;
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    IntExpr best = null;
                    int cnt = 0;
                    for (int i = 0; i < kh; i++) {
                        int iy = oy * strides[0] - p[0] + i;
                        for (int j = 0; j < kw; j++) {
                            int ix = ox * strides[1] - p[1] + j;
                            if (iy >= 0 && iy < h && ix >= 0 && ix < wd) {
                                IntExpr v = x[base + iy * wd + ix];
                                if (max) {
                                    best = best == null ? v : QuantGadgets.max(b, v, best);
                                } else {
                                    sum.add(1, v);
                                }
                                cnt++;
                            }
                        }
                    }
                    if (max) {
                        y[o++] = best == null ? IntExpr.constant(QMath.INT8_MIN) : best;
                    } else {
                        y[o++] = QuantGadgets.roundDiv(b, sum.build(), countIncludePad ? kh * kw : cnt);
                    }
                }
            }
        }
        return y;
    }

    private IntExpr[] add(QOp.Add a) {
        if (a.shiftA() < 0 || a.shiftA() > 32 || a.shiftB() < 0 || a.shiftB() > 32) {
            throw new IllegalArgumentException("Add " + a.output() + ": alignment shifts " + a.shiftA() + ", " + a.shiftB()
                    + " outside 0..32, which the quantizer never produces");
        }
        int[] os = shapes.get(a.output());
        int[] ia = OpShapes.broadcastIndex(shapes.get(a.a()), os);
        int[] ib = OpShapes.broadcastIndex(shapes.get(a.b()), os);
        IntExpr[] xa = values.get(a.a());
        IntExpr[] xb = values.get(a.b());
        int lo = a.relu() ? 0 : QMath.INT8_MIN;
        IntExpr[] y = new IntExpr[ia.length];
        for (int i = 0; i < y.length; i++) {
            IntExpr acc = xa[ia[i]].times(1L << a.shiftA()).plus(xb[ib[i]].times(1L << a.shiftB()));
            y[i] = QuantGadgets.requant(b, acc, a.shift(), lo);
        }
        return y;
    }

    private IntExpr[] addConst(QOp.AddConst a) {
        int[] os = shapes.get(a.output());
        int[] ix = OpShapes.broadcastIndex(shapes.get(a.input()), os);
        int[] ic = OpShapes.broadcastIndex(a.constShape(), os);
        IntExpr[] x = values.get(a.input());
        int lo = a.relu() ? 0 : QMath.INT8_MIN;
        IntExpr[] y = new IntExpr[ix.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = QuantGadgets.requant(b, x[ix[i]].plus(a.constant()[ic[i]]), a.shift(), lo);
        }
        return y;
    }
}
