package org.haca.console.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.haca.api.inference.InferenceResult;

/** Inferences run from the console (bounded, newest first), so the pages can follow them to settlement. */
final class RecentInferences {
    static final int MAX = 50;
    private static final Deque<InferenceResult> RECENT = new ArrayDeque<>();

    private RecentInferences() {
    }

    static synchronized void add(InferenceResult r) {
        RECENT.addFirst(r);
        while (RECENT.size() > MAX) {
            RECENT.removeLast();
        }
    }

    static synchronized List<InferenceResult> list() {
        return new ArrayList<>(RECENT);
    }

    static synchronized Optional<InferenceResult> find(String requestId) {
        return RECENT.stream().filter(r -> r.requestId().equals(requestId)).findFirst();
    }
}
