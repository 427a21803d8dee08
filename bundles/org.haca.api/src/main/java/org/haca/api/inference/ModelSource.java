package org.haca.api.inference;

import org.haca.api.model.ModelDescriptor;

/** A model as handed to a backend: its descriptor and verified bytes, read only when the backend needs them. */
public interface ModelSource {
    ModelDescriptor descriptor();

    /** The model bytes, already checked against {@code descriptor().id()}. */
    byte[] bytes() throws InferenceException;
}
