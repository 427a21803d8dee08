package org.haca.backend.onnxruntime.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import ai.onnxruntime.OrtSession;

/**
 * Sessions per model id. Creation happens outside any map lock (loading a model takes milliseconds to seconds); if two
 * threads race to create the same session, one wins and the other's session is closed.
 */
final class SessionCache {

    /** Makes a session for a model id; may throw the backend's exception type. */
    @FunctionalInterface
    interface Loader<E extends Exception> {
        OrtSession load() throws E;
    }

    /** A session borrowed for one call; {@link #close()} gives it back. */
    static final class Lease implements AutoCloseable {
        final OrtSession session;
        private final SessionHandle handle;

        Lease(SessionHandle handle, OrtSession session) {
            this.handle = handle;
            this.session = session;
        }

        @Override
        public void close() {
            handle.release();
        }
    }

    private final ConcurrentMap<String, SessionHandle> sessions = new ConcurrentHashMap<>();
    /** Counts unloads, so a load that overlapped one does not leave a session of a deleted model in the cache. */
    private final AtomicLong unloads = new AtomicLong();

    <E extends Exception> Lease lease(String modelId, Loader<E> loader) throws E {
        while (true) {
            SessionHandle h = sessions.get(modelId);
            if (h == null) {
                long unloadsBefore = unloads.get();
                SessionHandle fresh = new SessionHandle(loader.load());
                h = sessions.putIfAbsent(modelId, fresh);
                if (h == null) {
                    h = fresh;
                    if (unloads.get() != unloadsBefore) {
                        // an unload (model deleted) raced with this load: serve this call, cache nothing
                        sessions.remove(modelId, fresh);
                        OrtSession s = fresh.acquire();
                        fresh.retire();
                        return new Lease(fresh, s);
                    }
                } else {
                    fresh.retire();
                }
            }
            OrtSession s = h.acquire();
            if (s != null) {
                return new Lease(h, s);
            }
            // retired between get and acquire (model deleted meanwhile): drop it and retry with a fresh lookup
            sessions.remove(modelId, h);
        }
    }

    void unload(String modelId) {
        unloads.incrementAndGet();
        SessionHandle h = sessions.remove(modelId);
        if (h != null) {
            h.retire();
        }
    }

    boolean isCached(String modelId) {
        return sessions.containsKey(modelId);
    }

    int size() {
        return sessions.size();
    }

    /** Retires every session and waits for the calls in flight, at most {@code millis} in total. */
    boolean drain(long millis) throws InterruptedException {
        List<SessionHandle> all = new ArrayList<>(sessions.values());
        sessions.clear();
        all.forEach(SessionHandle::retire);
        long deadline = System.currentTimeMillis() + millis;
        boolean allClosed = true;
        for (SessionHandle h : all) {
            allClosed &= h.awaitClosed(Math.max(0, deadline - System.currentTimeMillis()));
        }
        return allClosed;
    }
}
