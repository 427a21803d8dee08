package org.haca.onnx;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.haca.onnx.ProtoReader.FloatList;
import org.haca.onnx.ProtoReader.LongList;

/**
 * Decodes ONNX model bytes ({@code onnx.proto}, field numbers as in the ONNX repository) and checks the structure an
 * executor relies on: a graph with nodes in topological order, every node input defined, every graph output produced,
 * initializer sizes matching their dims, and no external data (a model must never make the node read other files).
 */
public final class OnnxReader {
    // ModelProto
    private static final int MODEL_IR_VERSION = 1;
    private static final int MODEL_PRODUCER_NAME = 2;
    private static final int MODEL_GRAPH = 7;
    private static final int MODEL_OPSET_IMPORT = 8;
    // OperatorSetIdProto
    private static final int OPSET_DOMAIN = 1;
    private static final int OPSET_VERSION = 2;
    // GraphProto
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_NAME = 2;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int GRAPH_INPUT = 11;
    private static final int GRAPH_OUTPUT = 12;
    private static final int GRAPH_SPARSE_INITIALIZER = 15;
    // NodeProto
    private static final int NODE_INPUT = 1;
    private static final int NODE_OUTPUT = 2;
    private static final int NODE_NAME = 3;
    private static final int NODE_OP_TYPE = 4;
    private static final int NODE_ATTRIBUTE = 5;
    private static final int NODE_DOMAIN = 7;
    // AttributeProto
    private static final int ATTR_NAME = 1;
    private static final int ATTR_F = 2;
    private static final int ATTR_I = 3;
    private static final int ATTR_S = 4;
    private static final int ATTR_T = 5;
    private static final int ATTR_FLOATS = 7;
    private static final int ATTR_INTS = 8;
    private static final int ATTR_TYPE = 20;
    // ValueInfoProto / TypeProto / TypeProto.Tensor / TensorShapeProto / Dimension
    private static final int VALUE_NAME = 1;
    private static final int VALUE_TYPE = 2;
    private static final int TYPE_TENSOR = 1;
    private static final int TENSOR_TYPE_ELEM = 1;
    private static final int TENSOR_TYPE_SHAPE = 2;
    private static final int SHAPE_DIM = 1;
    private static final int DIM_VALUE = 1;
    private static final int DIM_PARAM = 2;
    // TensorProto
    private static final int TENSOR_DIMS = 1;
    private static final int TENSOR_DATA_TYPE = 2;
    private static final int TENSOR_FLOAT_DATA = 4;
    private static final int TENSOR_INT32_DATA = 5;
    private static final int TENSOR_INT64_DATA = 7;
    private static final int TENSOR_NAME = 8;
    private static final int TENSOR_RAW_DATA = 9;
    private static final int TENSOR_DOUBLE_DATA = 10;
    private static final int TENSOR_EXTERNAL_DATA = 13;
    private static final int TENSOR_DATA_LOCATION = 14;

    private OnnxReader() {
    }

    /** Decodes and checks a model. */
    public static OnnxModel read(byte[] bytes) throws OnnxFormatException {
        if (bytes == null || bytes.length == 0) {
            throw new OnnxFormatException("empty model");
        }
        try {
            OnnxModel model = readModel(new ProtoReader(bytes));
            checkGraph(model.graph());
            return model;
        } catch (IllegalArgumentException | ArithmeticException | NegativeArraySizeException e) {
            throw new OnnxFormatException("invalid model: " + e.getMessage());
        }
    }

    private static OnnxModel readModel(ProtoReader r) throws OnnxFormatException {
        long irVersion = 0;
        String producer = "";
        Map<String, Long> opsets = new LinkedHashMap<>();
        OnnxGraph graph = null;
        while (r.hasMore()) {
            switch (r.nextField()) {
                case MODEL_IR_VERSION -> irVersion = r.readInt64();
                case MODEL_PRODUCER_NAME -> producer = r.readString();
                case MODEL_GRAPH -> graph = readGraph(r.readMessage());
                case MODEL_OPSET_IMPORT -> readOpset(r.readMessage(), opsets);
                default -> r.skip();
            }
        }
        if (irVersion <= 0) {
            throw new OnnxFormatException("not an ONNX model: no ir_version");
        }
        if (graph == null) {
            throw new OnnxFormatException("not an ONNX model: no graph");
        }
        if (opsets.isEmpty()) {
            throw new OnnxFormatException("ONNX model declares no opset_import");
        }
        return new OnnxModel(irVersion, producer, opsets, graph);
    }

    private static void readOpset(ProtoReader r, Map<String, Long> opsets) throws OnnxFormatException {
        String domain = "";
        long version = 0;
        while (r.hasMore()) {
            switch (r.nextField()) {
                case OPSET_DOMAIN -> domain = r.readString();
                case OPSET_VERSION -> version = r.readInt64();
                default -> r.skip();
            }
        }
        opsets.put(domain, version);
    }

    private static OnnxGraph readGraph(ProtoReader r) throws OnnxFormatException {
        String name = "";
        List<OnnxNode> nodes = new ArrayList<>();
        Map<String, OnnxTensor> inits = new LinkedHashMap<>();
        List<OnnxValueInfo> inputs = new ArrayList<>();
        List<OnnxValueInfo> outputs = new ArrayList<>();
        while (r.hasMore()) {
            switch (r.nextField()) {
                case GRAPH_NODE -> nodes.add(readNode(r.readMessage()));
                case GRAPH_NAME -> name = r.readString();
                case GRAPH_INITIALIZER -> {
                    OnnxTensor t = readTensor(r.readMessage());
                    if (inits.put(t.name(), t) != null) {
                        throw new OnnxFormatException("duplicate initializer " + t.name());
                    }
                }
                case GRAPH_INPUT -> inputs.add(readValueInfo(r.readMessage()));
                case GRAPH_OUTPUT -> outputs.add(readValueInfo(r.readMessage()));
                case GRAPH_SPARSE_INITIALIZER -> throw new OnnxFormatException("sparse initializers are not supported");
                default -> r.skip();
            }
        }
        inputs.removeIf(v -> inits.containsKey(v.name()));
        return new OnnxGraph(name, nodes, inits, inputs, outputs);
    }

    private static OnnxNode readNode(ProtoReader r) throws OnnxFormatException {
        String name = "";
        String opType = "";
        String domain = "";
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        Map<String, OnnxAttribute> attrs = new LinkedHashMap<>();
        while (r.hasMore()) {
            switch (r.nextField()) {
                case NODE_INPUT -> inputs.add(r.readString());
                case NODE_OUTPUT -> outputs.add(r.readString());
                case NODE_NAME -> name = r.readString();
                case NODE_OP_TYPE -> opType = r.readString();
                case NODE_DOMAIN -> domain = r.readString();
                case NODE_ATTRIBUTE -> {
                    OnnxAttribute a = readAttribute(r.readMessage());
                    attrs.put(a.name(), a);
                }
                default -> r.skip();
            }
        }
        if (opType.isEmpty()) {
            throw new OnnxFormatException("node '" + name + "' has no op_type");
        }
        return new OnnxNode(name, opType, domain, inputs, outputs, attrs);
    }

    private static OnnxAttribute readAttribute(ProtoReader r) throws OnnxFormatException {
        String name = "";
        long type = 0;
        float f = 0;
        long i = 0;
        byte[] s = null;
        OnnxTensor t = null;
        FloatList floats = new FloatList();
        LongList ints = new LongList();
        while (r.hasMore()) {
            switch (r.nextField()) {
                case ATTR_NAME -> name = r.readString();
                case ATTR_F -> f = r.readFloat();
                case ATTR_I -> i = r.readInt64();
                case ATTR_S -> s = r.readBytes();
                case ATTR_T -> t = readTensor(r.readMessage());
                case ATTR_FLOATS -> r.readFloats(floats);
                case ATTR_INTS -> r.readInt64s(ints);
                case ATTR_TYPE -> type = r.readInt64();
                default -> r.skip();
            }
        }
        if (name.isEmpty()) {
            throw new OnnxFormatException("attribute without a name");
        }
        return new OnnxAttribute(name, OnnxAttribute.Type.of(type), f, i, s, t, floats.toArray(), ints.toArray());
    }

    private static OnnxValueInfo readValueInfo(ProtoReader r) throws OnnxFormatException {
        String name = "";
        int elemType = 0;
        List<Long> shape = null;
        List<String> params = null;
        while (r.hasMore()) {
            int field = r.nextField();
            if (field == VALUE_NAME) {
                name = r.readString();
            } else if (field == VALUE_TYPE) {
                ProtoReader type = r.readMessage();
                while (type.hasMore()) {
                    if (type.nextField() != TYPE_TENSOR) {
                        type.skip();
                        continue;
                    }
                    ProtoReader tensorType = type.readMessage();
                    while (tensorType.hasMore()) {
                        switch (tensorType.nextField()) {
                            case TENSOR_TYPE_ELEM -> elemType = (int) tensorType.readInt64();
                            case TENSOR_TYPE_SHAPE -> {
                                shape = new ArrayList<>();
                                params = new ArrayList<>();
                                readShape(tensorType.readMessage(), shape, params);
                            }
                            default -> tensorType.skip();
                        }
                    }
                }
            } else {
                r.skip();
            }
        }
        if (name.isEmpty()) {
            throw new OnnxFormatException("graph input/output without a name");
        }
        return new OnnxValueInfo(name, elemType, shape, params);
    }

    private static void readShape(ProtoReader r, List<Long> shape, List<String> params) throws OnnxFormatException {
        while (r.hasMore()) {
            if (r.nextField() != SHAPE_DIM) {
                r.skip();
                continue;
            }
            ProtoReader dim = r.readMessage();
            long value = -1;
            String param = "";
            while (dim.hasMore()) {
                switch (dim.nextField()) {
                    case DIM_VALUE -> value = dim.readInt64();
                    case DIM_PARAM -> param = dim.readString();
                    default -> dim.skip();
                }
            }
            if (value < -1) {
                throw new OnnxFormatException("negative dimension " + value);
            }
            shape.add(param.isEmpty() ? value : -1L);
            params.add(param);
        }
    }

    static OnnxTensor readTensor(ProtoReader r) throws OnnxFormatException {
        String name = "";
        int dataType = 0;
        LongList dims = new LongList();
        byte[] raw = null;
        FloatList floatData = new FloatList();
        LongList intData = new LongList();
        LongList int64Data = new LongList();
        LongList doubleBits = new LongList();
        while (r.hasMore()) {
            switch (r.nextField()) {
                case TENSOR_DIMS -> r.readInt64s(dims);
                case TENSOR_DATA_TYPE -> dataType = (int) r.readInt64();
                case TENSOR_FLOAT_DATA -> r.readFloats(floatData);
                case TENSOR_INT32_DATA -> r.readInt64s(intData);
                case TENSOR_INT64_DATA -> r.readInt64s(int64Data);
                case TENSOR_NAME -> name = r.readString();
                case TENSOR_RAW_DATA -> raw = r.readBytes();
                case TENSOR_DOUBLE_DATA -> readDoubles(r, doubleBits);
                case TENSOR_EXTERNAL_DATA -> throw new OnnxFormatException("tensor uses external data files");
                case TENSOR_DATA_LOCATION -> {
                    if (r.readInt64() != 0) {
                        throw new OnnxFormatException("tensor uses external data files");
                    }
                }
                default -> r.skip();
            }
        }
        long[] d = dims.toArray();
        long count = 1;
        for (long x : d) {
            if (x < 0) {
                throw new OnnxFormatException("tensor " + name + " has a negative dimension");
            }
            count = Math.multiplyExact(count, x);
        }
        int size = OnnxTensor.elementSize(dataType);
        byte[] data = raw != null ? raw : typedToBytes(dataType, floatData, intData, int64Data, doubleBits);
        if (size > 0 && data.length != count * size) {
            throw new OnnxFormatException("tensor " + name + " has " + data.length + " data bytes, its dims need "
                    + count * size);
        }
        return new OnnxTensor(name, dataType, d, data);
    }

    private static void readDoubles(ProtoReader r, LongList out) throws OnnxFormatException {
        if (r.wireType() == ProtoReader.LEN) {
            ProtoReader packed = r.readMessage();
            while (packed.hasMore()) {
                out.add(packed.readFixed64());
            }
        } else if (r.wireType() == ProtoReader.FIXED64) {
            out.add(r.readFixed64());
        } else {
            throw new OnnxFormatException("double_data has wire type " + r.wireType());
        }
    }

    private static byte[] typedToBytes(int dataType, FloatList f, LongList i32, LongList i64, LongList dbl) {
        java.nio.ByteBuffer b;
        switch (dataType) {
            case OnnxTensor.FLOAT -> {
                b = le(f.n * 4);
                for (int k = 0; k < f.n; k++) {
                    b.putFloat(f.a[k]);
                }
            }
            case OnnxTensor.INT64 -> {
                b = le(i64.n * 8);
                for (int k = 0; k < i64.n; k++) {
                    b.putLong(i64.a[k]);
                }
            }
            case OnnxTensor.INT32 -> {
                b = le(i32.n * 4);
                for (int k = 0; k < i32.n; k++) {
                    b.putInt((int) i32.a[k]);
                }
            }
            // ONNX stores int8/uint8 in int32_data, one element per entry
            case OnnxTensor.INT8, OnnxTensor.UINT8 -> {
                b = le(i32.n);
                for (int k = 0; k < i32.n; k++) {
                    b.put((byte) i32.a[k]);
                }
            }
            case OnnxTensor.DOUBLE -> {
                b = le(dbl.n * 8);
                for (int k = 0; k < dbl.n; k++) {
                    b.putLong(dbl.a[k]);
                }
            }
            default -> b = le(0);
        }
        return b.array();
    }

    private static java.nio.ByteBuffer le(int size) {
        return java.nio.ByteBuffer.allocate(size).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    }

    private static void checkGraph(OnnxGraph g) throws OnnxFormatException {
        if (g.nodes().isEmpty()) {
            throw new OnnxFormatException("graph has no nodes");
        }
        if (g.outputs().isEmpty()) {
            throw new OnnxFormatException("graph has no outputs");
        }
        Set<String> defined = new HashSet<>(g.initializers().keySet());
        g.inputs().forEach(v -> defined.add(v.name()));
        for (OnnxNode n : g.nodes()) {
            for (String in : n.inputs()) {
                if (!in.isEmpty() && !defined.contains(in)) {
                    throw new OnnxFormatException("node '" + n.name() + "' (" + n.opType() + ") reads '" + in
                            + "', which no graph input, initializer or earlier node defines");
                }
            }
            defined.addAll(n.outputs());
        }
        for (OnnxValueInfo out : g.outputs()) {
            if (!defined.contains(out.name())) {
                throw new OnnxFormatException("graph output '" + out.name() + "' is not produced by any node");
            }
        }
    }
}
