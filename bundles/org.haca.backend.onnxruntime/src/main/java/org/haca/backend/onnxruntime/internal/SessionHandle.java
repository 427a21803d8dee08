package org.haca.backend.onnxruntime.internal;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * One cached ONNX Runtime session with a count of the calls using it. Closing a native session while a call runs on it
 * would crash the JVM, so {@link #retire()} only marks it; the last {@link #release()} closes it.
 */
final class SessionHandle {
    private final OrtSession session;
    private int users;
    private boolean retired;
    private boolean closed;

    SessionHandle(OrtSession session) {
        this.session = session;
    }

    /** Returns the session for one call, or null when the handle was retired (the caller then makes a new one). */
    synchronized OrtSession acquire() {
        if (retired) {
            return null;
        }
        users++;
        return session;
    }

    synchronized void release() {
        users--;
        closeIfIdle();
        notifyAll();
    }

    /** No new calls; the session closes once the running ones are done. */
    synchronized void retire() {
        retired = true;
        closeIfIdle();
    }

    /** Waits until no call uses the session, at most {@code millis}; returns whether it is now closed. */
    synchronized boolean awaitClosed(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!closed) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    private void closeIfIdle() {
        if (retired && users == 0 && !closed) {
            closed = true;
            try {
                session.close();
            } catch (OrtException e) {
                // nothing useful to do: the session is gone either way
            }
        }
    }
}
