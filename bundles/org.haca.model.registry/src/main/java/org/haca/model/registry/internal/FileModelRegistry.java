package org.haca.model.registry.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.haca.api.model.ModelDescriptor;
import org.haca.api.model.ModelListener;
import org.haca.api.model.ModelRegistry;
import org.haca.api.model.ModelRejectedException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The node's model registry: models live under {@code <haca.data.dir>/models} (framework property, default
 * {@code ./data}). Deletions are announced to every {@link ModelListener} (whiteboard), so backends drop sessions.
 */
@Component(service = ModelRegistry.class)
public class FileModelRegistry implements ModelRegistry {
    static final String DATA_DIR_PROPERTY = "haca.data.dir";

    private final List<ModelListener> listeners = new CopyOnWriteArrayList<>();
    private volatile ModelStore store;

    @Activate
    void activate(BundleContext context) throws IOException {
        String dataDir = context.getProperty(DATA_DIR_PROPERTY);
        Path dir = Path.of(dataDir == null || dataDir.isBlank() ? "data" : dataDir).resolve("models");
        store = new ModelStore(dir, Clock.systemUTC(), this::announceRemoval);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(ModelListener listener) {
        listeners.add(listener);
    }

    void removeListener(ModelListener listener) {
        listeners.remove(listener);
    }

    private void announceRemoval(String id) {
        for (ModelListener l : listeners) {
            try {
                l.modelRemoved(id);
            } catch (RuntimeException e) {
                // the contract says listeners must not throw; one that does must not stop the others
            }
        }
    }

    @Override
    public ModelDescriptor store(String name, InputStream bytes, long maxBytes) throws ModelRejectedException,
            IOException {
        return store.store(name, bytes, maxBytes);
    }

    @Override
    public List<ModelDescriptor> list() {
        return store.list();
    }

    @Override
    public Optional<ModelDescriptor> find(String id) {
        return store.find(id);
    }

    @Override
    public byte[] read(String id) throws ModelRejectedException, IOException {
        return store.read(id);
    }

    @Override
    public boolean delete(String id) throws IOException {
        return store.delete(id);
    }
}
