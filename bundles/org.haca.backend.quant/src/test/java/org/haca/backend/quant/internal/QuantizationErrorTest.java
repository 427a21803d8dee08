package org.haca.backend.quant.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.haca.api.model.Tensor;
import org.haca.backend.quant.internal.ir.FloatExecutor;
import org.haca.backend.quant.internal.ir.FloatExecutor.FTensor;
import org.haca.backend.quant.internal.ir.Graph;
import org.haca.backend.quant.internal.quantize.OnnxImport;
import org.haca.onnx.testmodels.TestModels;
import org.junit.jupiter.api.Test;

/**
 * Quantization error of the dequantized integer outputs against the float32 reference executor on the generated
 * models, over 100 seeded inputs (TestModels.input, pixel-like values in [0,1)).
 */
class QuantizationErrorTest {
    static final int SAMPLES = 100;

    record Stats(double maxAbs, double meanAbs, double maxRel, int agree, double logitRange) {
    }

    static Stats measure(byte[] onnx, long[] shape) throws Exception {
        Graph g = OnnxImport.read(onnx);
        QuantModel qm = QuantModel.load(onnx);
        FloatExecutor fx = new FloatExecutor(g);
        int per = 1;
        for (int i = 1; i < shape.length; i++) {
            per *= (int) shape[i];
        }
        double maxAbs = 0;
        double sumAbs = 0;
        double range = 0;
        int agree = 0;
        int count = 0;
        for (int s = 0; s < SAMPLES; s++) {
            float[] x = TestModels.input(1000 + s, per);
            int[] ishape = new int[shape.length];
            for (int i = 0; i < shape.length; i++) {
                ishape[i] = (int) shape[i];
            }
            float[] ref = fx.run(Map.of(TestModels.INPUT, new FTensor(ishape, x)), null).get(TestModels.OUTPUT).data();
            float[] q = qm.infer(Map.of(TestModels.INPUT, Tensor.ofFloats(shape, x)), Long.MAX_VALUE).get(TestModels.OUTPUT)
                    .floats();
            for (int i = 0; i < ref.length; i++) {
                double e = Math.abs(ref[i] - q[i]);
                maxAbs = Math.max(maxAbs, e);
                sumAbs += e;
                range = Math.max(range, Math.abs(ref[i]));
                count++;
            }
            if (TestSupport.argmax(ref, 0, ref.length) == TestSupport.argmax(q, 0, q.length)) {
                agree++;
            }
        }
        return new Stats(maxAbs, sumAbs / count, maxAbs / range, agree, range);
    }

    @Test
    void mlpErrorIsSmallAndArgmaxAgrees() throws Exception {
        Stats s = measure(TestModels.mlp(), new long[] {1, 784});
        System.out.printf("MLP 784-128-10: max|err| %.5f mean|err| %.5f max|logit| %.3f argmax agree %d/%d%n", s.maxAbs(),
                s.meanAbs(), s.logitRange(), s.agree(), SAMPLES);
        assertTrue(s.maxAbs() < 0.05 * s.logitRange() + 0.05, "max error " + s);
        assertTrue(s.agree() >= 97, "argmax agreement " + s);
    }

    @Test
    void cnnErrorIsSmallAndArgmaxAgrees() throws Exception {
        for (byte[] m : new byte[][] {TestModels.cnn(), TestModels.cnnWithFlatten()}) {
            Stats s = measure(m, new long[] {1, 1, 28, 28});
            System.out.printf("CNN: max|err| %.5f mean|err| %.5f max|logit| %.3f argmax agree %d/%d%n", s.maxAbs(),
                    s.meanAbs(), s.logitRange(), s.agree(), SAMPLES);
            assertTrue(s.maxAbs() < 0.05 * s.logitRange() + 0.05, "max error " + s);
            assertTrue(s.agree() >= 95, "argmax agreement " + s);
        }
    }
}
