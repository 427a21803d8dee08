package org.haca.model.registry.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.haca.api.model.CanonicalHash;
import org.haca.api.model.DType;
import org.haca.api.model.ModelDescriptor;
import org.haca.api.model.ModelRejectedException;
import org.haca.api.model.ModelRejectedException.Reason;
import org.haca.api.model.TensorSpec;
import org.haca.onnx.testmodels.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {
    private static final long LIMIT = 10L << 20;

    @TempDir
    Path dir;

    private final List<String> removed = new ArrayList<>();

    private ModelStore newStore() throws IOException {
        return new ModelStore(dir, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), removed::add);
    }

    private static InputStream in(byte[] b) {
        return new ByteArrayInputStream(b);
    }

    @Test
    void storesUnderSha256AndDescribesInputsAndOutputs() throws Exception {
        byte[] mlp = TestModels.mlp();
        ModelDescriptor d = newStore().store("mnist-mlp", in(mlp), LIMIT);
        assertEquals(CanonicalHash.ofBytes(mlp), d.id());
        assertTrue(d.id().matches("[0-9a-f]{64}"));
        assertEquals("mnist-mlp", d.name());
        assertEquals(mlp.length, d.size());
        assertEquals(List.of(new TensorSpec("input", DType.FLOAT32, List.of(-1L, 784L))), d.inputs());
        assertEquals(List.of(new TensorSpec("logits", DType.FLOAT32, List.of(-1L, 10L))), d.outputs());
        assertTrue(Files.exists(dir.resolve(d.id() + ".onnx")));
    }

    @Test
    void reuploadIsIdempotentAndKeepsTheFirstName() throws Exception {
        ModelStore s = newStore();
        ModelDescriptor first = s.store("first", in(TestModels.mlp()), LIMIT);
        ModelDescriptor second = s.store("second", in(TestModels.mlp()), LIMIT);
        assertEquals(first, second);
        assertEquals(1, s.list().size());
    }

    @Test
    void indexSurvivesARestart() throws Exception {
        ModelDescriptor a = newStore().store("a", in(TestModels.mlp()), LIMIT);
        ModelDescriptor b = newStore().store("b", in(TestModels.cnn()), LIMIT);
        ModelStore reopened = newStore();
        assertEquals(2, reopened.list().size());
        assertEquals(a, reopened.find(a.id()).orElseThrow());
        assertEquals(b, reopened.find(b.id()).orElseThrow());
        assertArrayEquals(TestModels.cnn(), reopened.read(b.id()));
    }

    @Test
    void corruptedFileIsReportedAndNeverHandedOut() throws Exception {
        ModelStore s = newStore();
        ModelDescriptor d = s.store("m", in(TestModels.mlp()), LIMIT);
        Path file = dir.resolve(d.id() + ".onnx");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        ModelRejectedException e = assertThrows(ModelRejectedException.class, () -> s.read(d.id()));
        assertEquals(Reason.CORRUPTED, e.reason());
        Files.delete(file);
        assertEquals(Reason.CORRUPTED, assertThrows(ModelRejectedException.class, () -> s.read(d.id())).reason());
    }

    @Test
    void garbageTruncatedAndNonOnnxAreMalformed() throws Exception {
        ModelStore s = newStore();
        byte[] mlp = TestModels.mlp();
        for (byte[] bad : List.of("hello, not a model".getBytes(StandardCharsets.UTF_8),
                Arrays.copyOf(mlp, mlp.length / 3), Arrays.copyOf(mlp, mlp.length - 1), new byte[] {0x08})) {
            ModelRejectedException e = assertThrows(ModelRejectedException.class, () -> s.store("x", in(bad), LIMIT));
            assertEquals(Reason.MALFORMED, e.reason(), e.getMessage());
        }
        assertEquals(Reason.MALFORMED,
                assertThrows(ModelRejectedException.class, () -> s.store("x", in(new byte[0]), LIMIT)).reason());
        assertTrue(s.list().isEmpty());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "a rejected upload leaves nothing behind");
        }
    }

    @Test
    void overTheLimitIsTooLarge() throws Exception {
        byte[] mlp = TestModels.mlp();
        ModelRejectedException e = assertThrows(ModelRejectedException.class,
                () -> newStore().store("big", in(mlp), mlp.length - 1));
        assertEquals(Reason.TOO_LARGE, e.reason());
        // exactly at the limit is fine
        assertEquals(mlp.length, newStore().store("ok", in(mlp), mlp.length).size());
    }

    @Test
    void deleteRemovesFilesAndTellsListeners() throws Exception {
        ModelStore s = newStore();
        ModelDescriptor d = s.store("m", in(TestModels.mlp()), LIMIT);
        assertTrue(s.delete(d.id()));
        assertEquals(List.of(d.id()), removed);
        assertFalse(s.delete(d.id()));
        assertTrue(s.find(d.id()).isEmpty());
        assertThrows(NoSuchFileException.class, () -> s.read(d.id()));
        assertFalse(Files.exists(dir.resolve(d.id() + ".onnx")));
        assertTrue(newStore().list().isEmpty());
    }

    @Test
    void idsThatAreNotHashesNeverTouchTheFileSystem() throws Exception {
        ModelStore s = newStore();
        assertTrue(s.find("../../etc/passwd").isEmpty());
        assertFalse(s.delete("../x"));
        assertThrows(NoSuchFileException.class, () -> s.read("ABC"));
    }

    @Test
    void labelsAreCleanedAndBounded() {
        String id = "ab".repeat(32);
        assertEquals("abababababab", ModelStore.label(null, id));
        assertEquals("abababababab", ModelStore.label("  \n ", id));
        assertEquals("mnist mlp", ModelStore.label(" mnist\u0000 mlp\r\n", id));
        assertEquals(200, ModelStore.label("x".repeat(5000), id).length());
    }

    @Test
    void leftoverTempFilesAreCleanedAtStart() throws Exception {
        Path tmp = dir.resolve("abc.onnx.123.tmp");
        Files.write(tmp, new byte[] {1, 2});
        newStore();
        assertFalse(Files.exists(tmp));
    }

    @Test
    void concurrentUploadsOfTheSameModelStoreItOnce() throws Exception {
        ModelStore s = newStore();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ModelDescriptor>> results = new ArrayList<>();
            for (int k = 0; k < 8; k++) {
                results.add(pool.submit(() -> s.store("m", in(TestModels.cnn()), LIMIT)));
            }
            ModelDescriptor first = results.get(0).get();
            for (Future<ModelDescriptor> f : results) {
                assertEquals(first, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, s.list().size());
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "one model file and one metadata file");
        }
    }
}
