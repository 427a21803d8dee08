package org.haca.proof.zk.internal.circuit;

import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

import org.haca.backend.quant.internal.qprog.QProgram;
import org.haca.backend.quant.internal.qprog.QTensor;
import org.haca.backend.quant.internal.quantize.OnnxImport;
import org.haca.onnx.testmodels.TestModels;

/** The test models quantized and compiled once per JVM (the tests share them). */
final class Models {
    private static final Map<String, QProgram> PROGRAMS = new ConcurrentHashMap<>();
    private static final Map<String, CompiledCircuit> CIRCUITS = new ConcurrentHashMap<>();

    private Models() {
    }

    static QProgram program(String name) {
        return PROGRAMS.computeIfAbsent(name, n -> {
            try {
                return OnnxImport.quantize(switch (n) {
                    case "mlp" -> TestModels.mlp();
                    case "mlp64" -> TestModels.mlp(TestModels.MLP_SEED, 64);
                    case "cnn" -> TestModels.cnn();
                    default -> throw new IllegalArgumentException(n);
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static CompiledCircuit circuit(String name) {
        return CIRCUITS.computeIfAbsent(name, n -> CircuitCompiler.compile(program(n)));
    }

    /** Random int8 input for every program input: full range when {@code fullRange}, else pixel-like 0..64. */
    static Map<String, QTensor> randomInput(CompiledCircuit c, long seed, boolean fullRange) {
        Random rnd = new Random(seed);
        Map<String, QTensor> in = new java.util.LinkedHashMap<>();
        c.inputShapes().forEach((name, shape) -> {
            int n = 1;
            for (int d : shape) {
                n *= d;
            }
            byte[] d = new byte[n];
            for (int i = 0; i < n; i++) {
                d[i] = (byte) (fullRange ? rnd.nextInt(256) - 128 : rnd.nextInt(65));
            }
            in.put(name, new QTensor(shape, d, c.program().exponent(name)));
        });
        return in;
    }
}
