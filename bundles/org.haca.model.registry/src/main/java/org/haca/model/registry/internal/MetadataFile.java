package org.haca.model.registry.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import org.haca.api.model.DType;
import org.haca.api.model.ModelDescriptor;
import org.haca.api.model.TensorSpec;

/**
 * The small {@code <id>.properties} file beside each model: name, size, time of first upload and the declared
 * inputs/outputs, so listing models needs no parsing of model bytes (and works for a file that got corrupted).
 */
final class MetadataFile {

    private MetadataFile() {
    }

    static String encode(ModelDescriptor d) throws IOException {
        Properties p = new Properties();
        p.setProperty("id", d.id());
        p.setProperty("name", d.name());
        p.setProperty("size", Long.toString(d.size()));
        p.setProperty("storedAt", d.storedAt().toString());
        putSpecs(p, "input", d.inputs());
        putSpecs(p, "output", d.outputs());
        StringWriter w = new StringWriter();
        p.store(w, null);
        return w.toString();
    }

    static ModelDescriptor read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        try {
            return new ModelDescriptor(p.getProperty("id"), p.getProperty("name", ""),
                    Long.parseLong(p.getProperty("size")), specs(p, "input"), specs(p, "output"),
                    Instant.parse(p.getProperty("storedAt")));
        } catch (RuntimeException e) {
            throw new IOException("unreadable model metadata " + file + ": " + e.getMessage(), e);
        }
    }

    private static void putSpecs(Properties p, String prefix, List<TensorSpec> specs) {
        p.setProperty(prefix + ".count", Integer.toString(specs.size()));
        for (int k = 0; k < specs.size(); k++) {
            TensorSpec s = specs.get(k);
            p.setProperty(prefix + "." + k + ".name", s.name());
            p.setProperty(prefix + "." + k + ".dtype", s.dtype().name());
            p.setProperty(prefix + "." + k + ".shape", String.join(",", s.shape().stream().map(String::valueOf)
                    .toList()));
        }
    }

    private static List<TensorSpec> specs(Properties p, String prefix) {
        int count = Integer.parseInt(p.getProperty(prefix + ".count"));
        List<TensorSpec> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            String shape = p.getProperty(prefix + "." + k + ".shape");
            List<Long> dims = shape.isEmpty() ? List.of()
                    : Arrays.stream(shape.split(",")).map(Long::valueOf).toList();
            out.add(new TensorSpec(p.getProperty(prefix + "." + k + ".name"),
                    DType.valueOf(p.getProperty(prefix + "." + k + ".dtype")), dims));
        }
        return out;
    }
}
