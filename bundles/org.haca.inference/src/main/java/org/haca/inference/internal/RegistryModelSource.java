package org.haca.inference.internal;

import java.io.IOException;

import org.haca.api.inference.InferenceException;
import org.haca.api.inference.InferenceException.Kind;
import org.haca.api.inference.ModelSource;
import org.haca.api.model.ModelDescriptor;
import org.haca.api.model.ModelRegistry;
import org.haca.api.model.ModelRejectedException;

/**
 * A model as the backend and the prover see it: bytes read from the registry (which re-hashes them) at most once per
 * request, and only if someone needs them (a backend with a cached session does not).
 */
final class RegistryModelSource implements ModelSource {
    private final ModelRegistry registry;
    private final ModelDescriptor descriptor;
    private byte[] bytes;

    RegistryModelSource(ModelRegistry registry, ModelDescriptor descriptor) {
        this.registry = registry;
        this.descriptor = descriptor;
    }

    @Override
    public ModelDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public synchronized byte[] bytes() throws InferenceException {
        if (bytes == null) {
            try {
                bytes = registry.read(descriptor.id());
            } catch (ModelRejectedException e) {
                // a corrupted store is this node's fault, never the caller's; the model is not executed
                throw new InferenceException(Kind.INTERNAL, "model " + descriptor.id() + " cannot be used: "
                        + e.getMessage(), e);
            } catch (IOException e) {
                throw new InferenceException(Kind.NOT_FOUND, "model " + descriptor.id() + " is no longer available: "
                        + e.getMessage(), e);
            }
        }
        return bytes.clone();
    }
}
