package org.haca.proof.zk.internal.circuit;

import java.util.Arrays;
import java.util.Map;

import org.haca.backend.quant.internal.qprog.QExecutor;
import org.haca.backend.quant.internal.qprog.QOp;

/** Output shapes of the quantized ops, with the executor's rules (fixed shapes: the circuit has no dynamic size). */
final class OpShapes {
    private OpShapes() {
    }

    static int[] output(QOp op, Map<String, int[]> shapes) {
        if (op instanceof QOp.Linear l) {
            int[] s = shapes.get(l.input());
            if (s.length < 1 || s[s.length - 1] != l.k()) {
                throw new IllegalArgumentException("Linear " + l.output() + ": input shape " + Arrays.toString(s)
                        + " does not end in K=" + l.k());
            }
            int[] o = s.clone();
            o[o.length - 1] = l.m();
            return o;
        }
        if (op instanceof QOp.Conv c) {
            int[] s = require4d(shapes.get(c.input()), c.output());
            if (s[1] != c.c()) {
                throw new IllegalArgumentException("Conv " + c.output() + ": input has " + s[1] + " channels, weights " + c.c());
            }
            int[] p = c.pads();
            return new int[] {s[0], c.m(), outDim(s[2], p[0] + p[2], c.kh(), c.dilations()[0], c.strides()[0], c.output()),
                    outDim(s[3], p[1] + p[3], c.kw(), c.dilations()[1], c.strides()[1], c.output())};
        }
        if (op instanceof QOp.MaxPool mp) {
            return pool(shapes.get(mp.input()), mp.kh(), mp.kw(), mp.pads(), mp.strides(), mp.output());
        }
        if (op instanceof QOp.AvgPool ap) {
            return pool(shapes.get(ap.input()), ap.kh(), ap.kw(), ap.pads(), ap.strides(), ap.output());
        }
        if (op instanceof QOp.Relu r) {
            return shapes.get(r.input()).clone();
        }
        if (op instanceof QOp.Add a) {
            return broadcast(shapes.get(a.a()), shapes.get(a.b()), a.output());
        }
        if (op instanceof QOp.AddConst a) {
            return broadcast(shapes.get(a.input()), a.constShape(), a.output());
        }
        if (op instanceof QOp.Reshape r) {
            return QExecutor.reshape(shapes.get(r.input()), r.shape(), r.output());
        }
        if (op instanceof QOp.Flatten f) {
            return QExecutor.flatten(shapes.get(f.input()), f.axis(), f.output());
        }
        throw new IllegalArgumentException("operation " + op.getClass().getSimpleName() + " (" + op.output()
                + ") is not supported by the circuit compiler");
    }

    private static int[] pool(int[] in, int kh, int kw, int[] pads, int[] strides, String name) {
        int[] s = require4d(in, name);
        return new int[] {s[0], s[1], outDim(s[2], pads[0] + pads[2], kh, 1, strides[0], name),
                outDim(s[3], pads[1] + pads[3], kw, 1, strides[1], name)};
    }

    static int outDim(int in, int padSum, int kernel, int dil, int stride, String name) {
        int span = in + padSum - (dil * (kernel - 1) + 1);
        if (span < 0 || stride < 1) {
            throw new IllegalArgumentException("tensor " + name + ": input size " + in + " does not fit kernel " + kernel
                    + " (dilation " + dil + ", stride " + stride + ")");
        }
        return span / stride + 1;
    }

    private static int[] require4d(int[] s, String name) {
        if (s.length != 4) {
            throw new IllegalArgumentException("tensor " + name + ": needs an [N, C, H, W] input, got " + Arrays.toString(s));
        }
        return s;
    }

    /** numpy broadcasting of two shapes: the executor's own rule. */
    static int[] broadcast(int[] a, int[] b, String name) {
        return QExecutor.broadcast(a, b, name);
    }

    /** For each element of {@code out}, the flat index into a tensor of shape {@code s} broadcast to it. */
    static int[] broadcastIndex(int[] s, int[] out) {
        return QExecutor.broadcastIndex(s, out);
    }

    static int count(int[] s) {
        long n = 1;
        for (int d : s) {
            n *= d;
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("tensor too large: " + Arrays.toString(s));
            }
        }
        return (int) n;
    }
}
