package org.haca.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Reads a model encoded by the official ONNX Python library (onnx 1.23.1, protobuf), not by our own writer, so the
 * reader is checked against the reference encoding: typed {@code float_data} initializer, a Constant node with a
 * TENSOR attribute, a FLOAT attribute, symbolic dims. Produced with:
 *
 * <pre>
 * np.random.seed(0); W = np.random.randn(4, 3).astype(np.float32)
 * g = helper.make_graph([
 *   helper.make_node('Constant', [], ['c'], value=helper.make_tensor('cv', TensorProto.FLOAT, [3], [0.5, -1.0, 2.0])),
 *   helper.make_node('MatMul', ['x', 'W'], ['mm']), helper.make_node('Add', ['mm', 'c'], ['y']),
 *   helper.make_node('LeakyRelu', ['y'], ['z'], alpha=0.1)], 'pyg',
 *   [helper.make_tensor_value_info('x', TensorProto.FLOAT, ['batch', 4])],
 *   [helper.make_tensor_value_info('z', TensorProto.FLOAT, ['batch', 3])],
 *   initializer=[helper.make_tensor('W', TensorProto.FLOAT, [4, 3], W.flatten().tolist())])
 * onnx.save(helper.make_model(g, opset_imports=[helper.make_opsetid('', 13)], producer_name='onnx-python'), f)
 * </pre>
 *
 * The generated test models themselves pass {@code onnx.checker.check_model(full_check=True)} and strict shape
 * inference of the same library (checked by hand; the library is not a build dependency).
 */
class OfficialEncodingTest {
    private static final String MODEL_HEX = "080e120b6f6e6e782d707974686f6e3af2010a311201632208436f6e7374616e742a220a"
            + "0576616c75652a1608031001220c0000003f000080bf0000004042026376a001040a120a01780a015712026d6d22064d61744d"
            + "756c0a0f0a026d6d0a016312017922034164640a220a017912017a22094c65616b7952656c752a0f0a05616c70686115cdcccc"
            + "3da0010112037079672a3b080408031001223078cce13f68e1cc3e938e7a3fcb6a0f40240cef3fe22e7abfff38733f62fd1abe"
            + "6864d3bdf839d23e2880133ea225ba3f4201575a180a017812130a110801120d0a07120562617463680a02080462180a017a12"
            + "130a110801120d0a07120562617463680a02080342040a00100d";

    @Test
    void readsAModelEncodedByTheOnnxLibrary() throws Exception {
        OnnxModel m = OnnxReader.read(HexFormat.of().parseHex(MODEL_HEX));
        assertEquals("onnx-python", m.producerName());
        assertEquals(13, m.defaultOpset());
        OnnxGraph g = m.graph();
        assertEquals(List.of("Constant", "MatMul", "Add", "LeakyRelu"),
                g.nodes().stream().map(OnnxNode::opType).toList());
        assertArrayEquals(new float[] {0.5f, -1f, 2f}, g.nodes().get(0).attribute("value").t().floats());
        assertEquals(0.1f, g.nodes().get(3).floatAttr("alpha", 0f));
        OnnxTensor w = g.initializer("W");
        assertArrayEquals(new long[] {4, 3}, w.dims());
        float[] wv = w.floats();
        assertEquals(12, wv.length);
        // numpy's seed-0 normal draws, as float32
        assertEquals(1.7640524f, wv[0]);
        assertEquals(0.4001572f, wv[1]);
        assertEquals(0.978738f, wv[2]);
        assertEquals(List.of(-1L, 4L), g.inputs().get(0).shape());
        assertEquals(List.of("batch", ""), g.inputs().get(0).dimParams());
        assertEquals("z", g.outputs().get(0).name());
    }
}
