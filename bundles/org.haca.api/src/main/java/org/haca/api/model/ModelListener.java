package org.haca.api.model;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service: told when the registry removes a model, so backends can drop cached sessions.
 * Called on the thread that deleted the model; implementations must return quickly and must not throw.
 */
@ConsumerType
public interface ModelListener {
    void modelRemoved(String modelId);
}
