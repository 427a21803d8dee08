package org.haca.backend.onnxruntime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.haca.onnx.testmodels.TestModels;
import org.junit.jupiter.api.Test;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

class SessionCacheTest {
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final AtomicInteger loads = new AtomicInteger();

    private OrtSession load() throws OrtException {
        loads.incrementAndGet();
        return env.createSession(TestModels.mlp(), new OrtSession.SessionOptions());
    }

    @Test
    void sessionIsLoadedOnceAndShared() throws Exception {
        SessionCache cache = new SessionCache();
        OrtSession first;
        try (SessionCache.Lease a = cache.lease("m", this::load)) {
            first = a.session;
        }
        try (SessionCache.Lease b = cache.lease("m", this::load)) {
            assertSame(first, b.session);
        }
        assertEquals(1, loads.get());
        assertTrue(cache.isCached("m"));
    }

    @Test
    void unloadClosesOnlyAfterTheRunningCallReturns() throws Exception {
        SessionCache cache = new SessionCache();
        SessionCache.Lease lease = cache.lease("m", this::load);
        cache.unload("m");
        assertFalse(cache.isCached("m"));
        // still usable by the call that holds it
        assertEquals(1, lease.session.getInputNames().size());
        lease.close();
        // closed now: ORT refuses to use a closed session
        assertThrows(IllegalStateException.class, () -> lease.session.getInputNames());
    }

    @Test
    void loadRacingWithADeleteIsServedButNotCached() throws Exception {
        SessionCache cache = new SessionCache();
        try (SessionCache.Lease lease = cache.lease("m", () -> {
            OrtSession s = load();
            cache.unload("m"); // the model is deleted while its session is being built
            return s;
        })) {
            assertEquals(1, lease.session.getInputNames().size());
        }
        assertFalse(cache.isCached("m"), "a deleted model's session must not stay cached");
        assertEquals(0, cache.size());
    }

    @Test
    void drainClosesEverything() throws Exception {
        SessionCache cache = new SessionCache();
        cache.lease("a", this::load).close();
        cache.lease("b", this::load).close();
        assertEquals(2, cache.size());
        assertTrue(cache.drain(1000));
        assertEquals(0, cache.size());
    }
}
