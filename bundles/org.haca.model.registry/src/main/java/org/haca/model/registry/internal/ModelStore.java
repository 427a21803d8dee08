package org.haca.model.registry.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.haca.api.model.CanonicalHash;
import org.haca.api.model.ModelDescriptor;
import org.haca.api.model.ModelRegistry;
import org.haca.api.model.ModelRejectedException;
import org.haca.api.model.ModelRejectedException.Reason;

/**
 * The registry's logic, free of OSGi: {@code <dir>/<id>.onnx} holds the bytes, {@code <dir>/<id>.properties} the
 * descriptor. Both are written to a temporary file and moved into place, the model first, so a crash leaves either
 * nothing or a complete model; a model without metadata is not listed and is overwritten by the next upload.
 */
final class ModelStore implements ModelRegistry {
    private static final Pattern ID = Pattern.compile("[0-9a-f]{64}");
    private static final String TMP_SUFFIX = ".tmp";

    private final Path dir;
    private final Clock clock;
    private final Consumer<String> onRemoved;
    private final Map<String, ModelDescriptor> byId = new ConcurrentHashMap<>();
    /** Serialises the commit step of uploads and deletes; hashing and parsing run outside it. */
    private final Object commitLock = new Object();

    ModelStore(Path dir, Clock clock, Consumer<String> onRemoved) throws IOException {
        this.dir = dir;
        this.clock = clock;
        this.onRemoved = onRemoved;
        Files.createDirectories(dir);
        loadIndex();
    }

    static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    @Override
    public ModelDescriptor store(String name, InputStream in, long maxBytes) throws ModelRejectedException,
            IOException {
        byte[] bytes = readLimited(in, maxBytes);
        String id = CanonicalHash.ofBytes(bytes);
        ModelDescriptor existing = byId.get(id);
        if (existing != null) {
            return existing;
        }
        ModelInspector.Signature sig = ModelInspector.inspect(bytes);
        String label = label(name, id);
        synchronized (commitLock) {
            existing = byId.get(id);
            if (existing != null) {
                return existing;
            }
            ModelDescriptor d = new ModelDescriptor(id, label, bytes.length, sig.inputs(), sig.outputs(),
                    clock.instant());
            writeAtomically(modelFile(id), bytes);
            writeAtomically(metaFile(id), MetadataFile.encode(d).getBytes(StandardCharsets.UTF_8));
            byId.put(id, d);
            return d;
        }
    }

    @Override
    public List<ModelDescriptor> list() {
        return byId.values().stream()
                .sorted(Comparator.comparing(ModelDescriptor::storedAt).thenComparing(ModelDescriptor::id)).toList();
    }

    @Override
    public Optional<ModelDescriptor> find(String id) {
        return isValidId(id) ? Optional.ofNullable(byId.get(id)) : Optional.empty();
    }

    @Override
    public byte[] read(String id) throws ModelRejectedException, IOException {
        if (find(id).isEmpty()) {
            throw new NoSuchFileException("no model " + id);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(modelFile(id));
        } catch (NoSuchFileException e) {
            throw new ModelRejectedException(Reason.CORRUPTED, "model " + id + " is missing from the store");
        }
        // the id is the hash: bytes that changed on disk are never handed to an executor
        if (!CanonicalHash.ofBytes(bytes).equals(id)) {
            throw new ModelRejectedException(Reason.CORRUPTED,
                    "stored model " + id + " no longer matches its hash; the file is corrupted");
        }
        return bytes;
    }

    @Override
    public boolean delete(String id) throws IOException {
        if (!isValidId(id)) {
            return false;
        }
        synchronized (commitLock) {
            if (byId.remove(id) == null) {
                return false;
            }
            // metadata first: without it a leftover model file is invisible and harmless
            Files.deleteIfExists(metaFile(id));
            Files.deleteIfExists(modelFile(id));
        }
        onRemoved.accept(id);
        return true;
    }

    /** A human label: the given name (control characters dropped, at most 200 chars) or the id's first 12 digits. */
    static String label(String name, String id) {
        String clean = name == null ? "" : name.replaceAll("\\p{Cntrl}", "").strip();
        if (clean.isEmpty()) {
            return id.substring(0, 12);
        }
        return clean.length() > 200 ? clean.substring(0, 200) : clean;
    }

    Path modelFile(String id) {
        return dir.resolve(id + ".onnx");
    }

    private Path metaFile(String id) {
        return dir.resolve(id + ".properties");
    }

    private void loadIndex() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String file = f.getFileName().toString();
                if (file.endsWith(TMP_SUFFIX)) {
                    Files.deleteIfExists(f); // an upload interrupted by a crash
                } else if (file.endsWith(".properties")) {
                    String id = file.substring(0, file.length() - ".properties".length());
                    if (isValidId(id) && Files.exists(modelFile(id))) {
                        ModelDescriptor d = MetadataFile.read(f);
                        if (id.equals(d.id())) {
                            byId.put(id, d);
                        }
                    }
                }
            }
        }
    }

    private void writeAtomically(Path target, byte[] data) throws IOException {
        Path tmp = Files.createTempFile(dir, target.getFileName().toString() + ".", TMP_SUFFIX);
        try {
            Files.write(tmp, data);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads at most {@code maxBytes}; one byte more means the body is too large, whatever its declared length. */
    private static byte[] readLimited(InputStream in, long maxBytes) throws ModelRejectedException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > maxBytes) {
                throw new ModelRejectedException(Reason.TOO_LARGE,
                        "model is larger than the limit of " + maxBytes + " bytes");
            }
            out.write(buf, 0, n);
        }
        if (total == 0) {
            throw new ModelRejectedException(Reason.MALFORMED, "empty body: no model bytes");
        }
        return out.toByteArray();
    }
}
