package org.haca.onnx.testmodels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.haca.onnx.OnnxAttribute;
import org.haca.onnx.OnnxGraph;
import org.haca.onnx.OnnxModel;
import org.haca.onnx.OnnxNode;
import org.haca.onnx.OnnxTensor;
import org.haca.onnx.OnnxValueInfo;
import org.haca.onnx.OnnxWriter;

/**
 * Seeded generator of the small float models the tests and benchmarks use (the repository has no model hub). Same
 * seed, same bytes, on every machine: {@link Random} is specified bit-for-bit by the JDK and the encoder is
 * deterministic. The batch dimension is symbolic ("N"), so batches larger than 1 run.
 *
 * <p>Run {@link #main} with an output folder to write {@code mlp.onnx}, {@code cnn.onnx} and
 * {@code cnn-flatten.onnx}; the build of this module does so into {@code target/models}.
 */
public final class TestModels {
    public static final long MLP_SEED = 42;
    public static final long CNN_SEED = 7;
    /** Opset 13: Gemm/Reshape/Flatten/pools as every ONNX Runtime since 1.7 implements them. */
    public static final long OPSET = 13;
    public static final String INPUT = "input";
    public static final String OUTPUT = "logits";

    private static final int FLOAT = OnnxTensor.FLOAT;

    private TestModels() {
    }

    /** MLP 784-128-10: Gemm, Relu, Gemm (the second with transB=1 as PyTorch exports it). Input [N,784]. */
    public static byte[] mlp() {
        return mlp(MLP_SEED);
    }

    public static byte[] mlp(long seed) {
        return mlp(seed, 128);
    }

    /**
     * MLP 784-{@code hidden}-10 with the same structure as {@link #mlp()} (which is {@code mlp(42, 128)}, byte for
     * byte); e.g. {@code mlp(42, 64)} is the 784-64-10 model of the ZKML benchmark.
     */
    public static byte[] mlp(long seed, int hidden) {
        return mlp(seed, 784, hidden, 10);
    }

    /**
     * MLP {@code inputs}-{@code hidden}-{@code outputs} (Gemm, Relu, Gemm), e.g. a tiny one for tests whose cost grows
     * with the model, such as ZKML proving. {@code mlp(seed, 784, h, 10)} is {@code mlp(seed, h)} byte for byte.
     */
    public static byte[] mlp(long seed, int inputs, int hidden, int outputs) {
        if (inputs < 1 || hidden < 1 || outputs < 1) {
            throw new IllegalArgumentException("layer widths must be positive: " + inputs + "-" + hidden + "-" + outputs);
        }
        Random rnd = new Random(seed);
        GraphBuilder g = new GraphBuilder("mlp_" + inputs + "_" + hidden + "_" + outputs);
        g.input(INPUT, List.of(-1L, (long) inputs));
        g.init(OnnxTensor.ofFloats("fc1.weight", new long[] {inputs, hidden}, he(rnd, inputs * hidden, inputs)));
        g.init(OnnxTensor.ofFloats("fc1.bias", new long[] {hidden}, bias(rnd, hidden)));
        g.init(OnnxTensor.ofFloats("fc2.weight", new long[] {outputs, hidden}, he(rnd, outputs * hidden, hidden)));
        g.init(OnnxTensor.ofFloats("fc2.bias", new long[] {outputs}, bias(rnd, outputs)));
        g.node("Gemm", List.of(INPUT, "fc1.weight", "fc1.bias"), "fc1", gemmAttrs(0));
        g.node("Relu", List.of("fc1"), "relu1");
        g.node("Gemm", List.of("relu1", "fc2.weight", "fc2.bias"), OUTPUT, gemmAttrs(1));
        g.output(OUTPUT, List.of(-1L, (long) outputs));
        return g.build();
    }

    /**
     * CNN on [N,1,28,28]: Conv(4,3x3,pad 1), Relu, MaxPool 2x2, Conv(8,3x3,pad 1), Relu, AveragePool 2x2,
     * Reshape to [N,392], MatMul + Add (32), Relu, Gemm (10).
     */
    public static byte[] cnn() {
        return cnn(CNN_SEED, false);
    }

    /** The CNN with Flatten instead of Reshape between the convolutional and dense parts. */
    public static byte[] cnnWithFlatten() {
        return cnn(CNN_SEED, true);
    }

    public static byte[] cnn(long seed, boolean flatten) {
        Random rnd = new Random(seed);
        GraphBuilder g = new GraphBuilder(flatten ? "cnn_flatten" : "cnn");
        g.input(INPUT, List.of(-1L, 1L, 28L, 28L));
        g.init(OnnxTensor.ofFloats("conv1.weight", new long[] {4, 1, 3, 3}, he(rnd, 4 * 9, 9)));
        g.init(OnnxTensor.ofFloats("conv1.bias", new long[] {4}, bias(rnd, 4)));
        g.init(OnnxTensor.ofFloats("conv2.weight", new long[] {8, 4, 3, 3}, he(rnd, 8 * 4 * 9, 36)));
        g.init(OnnxTensor.ofFloats("conv2.bias", new long[] {8}, bias(rnd, 8)));
        g.init(OnnxTensor.ofFloats("fc1.weight", new long[] {392, 32}, he(rnd, 392 * 32, 392)));
        g.init(OnnxTensor.ofFloats("fc1.bias", new long[] {32}, bias(rnd, 32)));
        g.init(OnnxTensor.ofFloats("fc2.weight", new long[] {10, 32}, he(rnd, 10 * 32, 32)));
        g.init(OnnxTensor.ofFloats("fc2.bias", new long[] {10}, bias(rnd, 10)));
        g.node("Conv", List.of(INPUT, "conv1.weight", "conv1.bias"), "conv1", convAttrs());
        g.node("Relu", List.of("conv1"), "relu1");
        g.node("MaxPool", List.of("relu1"), "pool1", poolAttrs());
        g.node("Conv", List.of("pool1", "conv2.weight", "conv2.bias"), "conv2", convAttrs());
        g.node("Relu", List.of("conv2"), "relu2");
        g.node("AveragePool", List.of("relu2"), "pool2", poolAttrs());
        if (flatten) {
            g.node("Flatten", List.of("pool2"), "flat", List.of(OnnxAttribute.ofInt("axis", 1)));
        } else {
            g.init(OnnxTensor.ofLongs("flat.shape", new long[] {2}, -1, 392));
            g.node("Reshape", List.of("pool2", "flat.shape"), "flat");
        }
        g.node("MatMul", List.of("flat", "fc1.weight"), "fc1.mm");
        g.node("Add", List.of("fc1.mm", "fc1.bias"), "fc1");
        g.node("Relu", List.of("fc1"), "relu3");
        g.node("Gemm", List.of("relu3", "fc2.weight", "fc2.bias"), OUTPUT, gemmAttrs(1));
        g.output(OUTPUT, List.of(-1L, 10L));
        return g.build();
    }

    /** Pixel-like inputs in [0,1): {@code count} floats from a seeded generator. */
    public static float[] input(long seed, int count) {
        Random rnd = new Random(seed);
        float[] x = new float[count];
        for (int k = 0; k < count; k++) {
            x[k] = rnd.nextFloat();
        }
        return x;
    }

    /** Writes the models into the folder given as the first argument (default {@code target/models}). */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/models");
        Files.createDirectories(dir);
        Files.write(dir.resolve("mlp.onnx"), mlp());
        Files.write(dir.resolve("cnn.onnx"), cnn());
        Files.write(dir.resolve("cnn-flatten.onnx"), cnnWithFlatten());
        System.out.println("test models written to " + dir.toAbsolutePath());
    }

    /** He-normal weights: keeps activations in a sane range through Relu layers. */
    private static float[] he(Random rnd, int count, int fanIn) {
        double scale = Math.sqrt(2.0 / fanIn);
        float[] w = new float[count];
        for (int k = 0; k < count; k++) {
            w[k] = (float) (rnd.nextGaussian() * scale);
        }
        return w;
    }

    private static float[] bias(Random rnd, int count) {
        float[] b = new float[count];
        for (int k = 0; k < count; k++) {
            b[k] = (rnd.nextFloat() - 0.5f) * 0.2f;
        }
        return b;
    }

    private static List<OnnxAttribute> gemmAttrs(int transB) {
        return List.of(OnnxAttribute.ofFloat("alpha", 1f), OnnxAttribute.ofFloat("beta", 1f),
                OnnxAttribute.ofInt("transB", transB));
    }

    private static List<OnnxAttribute> convAttrs() {
        return List.of(OnnxAttribute.ofInts("kernel_shape", 3, 3), OnnxAttribute.ofInts("pads", 1, 1, 1, 1),
                OnnxAttribute.ofInts("strides", 1, 1));
    }

    private static List<OnnxAttribute> poolAttrs() {
        return List.of(OnnxAttribute.ofInts("kernel_shape", 2, 2), OnnxAttribute.ofInts("strides", 2, 2));
    }

    /** Collects nodes, initializers and value infos in order. */
    private static final class GraphBuilder {
        private final String name;
        private final List<OnnxNode> nodes = new ArrayList<>();
        private final Map<String, OnnxTensor> inits = new LinkedHashMap<>();
        private final List<OnnxValueInfo> inputs = new ArrayList<>();
        private final List<OnnxValueInfo> outputs = new ArrayList<>();

        GraphBuilder(String name) {
            this.name = name;
        }

        void input(String n, List<Long> shape) {
            inputs.add(new OnnxValueInfo(n, FLOAT, shape, params(shape)));
        }

        void output(String n, List<Long> shape) {
            outputs.add(new OnnxValueInfo(n, FLOAT, shape, params(shape)));
        }

        void init(OnnxTensor t) {
            inits.put(t.name(), t);
        }

        void node(String op, List<String> in, String out) {
            node(op, in, out, List.of());
        }

        void node(String op, List<String> in, String out, List<OnnxAttribute> attrs) {
            Map<String, OnnxAttribute> a = new LinkedHashMap<>();
            attrs.forEach(x -> a.put(x.name(), x));
            nodes.add(new OnnxNode(out + "_" + op, op, "", in, List.of(out), a));
        }

        byte[] build() {
            OnnxGraph g = new OnnxGraph(name, nodes, inits, inputs, outputs);
            return OnnxWriter.write(new OnnxModel(OnnxWriter.IR_VERSION, "haca-testmodels", Map.of("", OPSET), g));
        }

        /** A -1 dimension is the symbolic batch "N". */
        private static List<String> params(List<Long> shape) {
            List<String> p = new ArrayList<>();
            shape.forEach(d -> p.add(d < 0 ? "N" : ""));
            return p;
        }
    }
}
