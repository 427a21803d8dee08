package org.haca.api.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Content-addressed store of ONNX models. The id of a model is the lowercase hex SHA-256 of its bytes.
 *
 * <p>Implementations are thread-safe. Storing the same bytes twice is idempotent and returns the first descriptor.
 */
public interface ModelRegistry {

    /**
     * Validates, stores and describes a model.
     *
     * @param name a label for humans
     * @param bytes the raw model; read to the end, not closed
     * @param maxBytes reject the model once more than this many bytes were read
     * @throws ModelRejectedException when the bytes are not a model this node accepts (the message says why), or too large
     * @throws IOException when storage fails; nothing partial is left behind
     */
    ModelDescriptor store(String name, InputStream bytes, long maxBytes) throws ModelRejectedException, IOException;

    /** All stored models, oldest first. */
    List<ModelDescriptor> list();

    Optional<ModelDescriptor> find(String id);

    /**
     * The model's bytes, re-hashed on every read: if the stored file no longer matches its id, this throws
     * {@link ModelRejectedException} and the bytes are never handed out.
     */
    byte[] read(String id) throws ModelRejectedException, IOException;

    /** Removes a model; returns false when it was not there. Registered {@link ModelListener}s are told. */
    boolean delete(String id) throws IOException;
}
