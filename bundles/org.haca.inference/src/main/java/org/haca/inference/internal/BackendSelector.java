package org.haca.inference.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.haca.api.inference.InferenceException;
import org.haca.api.inference.InferenceException.Kind;
import org.haca.api.inference.InferenceMode;
import org.haca.api.inference.ModelBackend;
import org.osgi.framework.Constants;

/**
 * Picks the backend for one request from the backends registered right now. Rules: an explicit hint wins (and must
 * exist); ZKML needs a deterministic backend (the proof covers integer arithmetic only), preferring {@code quant};
 * VANILLA and TEE prefer {@code onnxruntime} and fall back to any backend. Among services with the same id the
 * highest {@code service.ranking} wins (a hot swap installs the new one with a higher ranking).
 */
final class BackendSelector {
    static final String FLOAT_DEFAULT = "onnxruntime";
    static final String DETERMINISTIC_DEFAULT = "quant";

    private BackendSelector() {
    }

    static ModelBackend select(List<Map.Entry<Map<String, Object>, ModelBackend>> registered, InferenceMode mode,
            String hint) throws InferenceException {
        List<Map.Entry<Map<String, Object>, ModelBackend>> ranked = registered.stream()
                .sorted(BY_RANKING).toList();
        if (hint != null) {
            ModelBackend b = byId(ranked, hint).orElseThrow(() -> new InferenceException(Kind.NOT_FOUND,
                    "no backend '" + hint + "' on this node; available: " + ids(ranked)));
            if (mode == InferenceMode.ZKML && !b.deterministic()) {
                throw new InferenceException(Kind.BAD_INPUT, "ZKML needs a deterministic backend; '" + hint
                        + "' is not (its float results differ between machines)");
            }
            return b;
        }
        if (mode == InferenceMode.ZKML) {
            return byId(ranked, DETERMINISTIC_DEFAULT)
                    .or(() -> ranked.stream().map(Map.Entry::getValue).filter(ModelBackend::deterministic).findFirst())
                    .orElseThrow(() -> new InferenceException(Kind.UNSUPPORTED,
                            "ZKML needs a deterministic backend (for example 'quant'); none is installed"));
        }
        return byId(ranked, FLOAT_DEFAULT)
                .or(() -> ranked.stream().map(Map.Entry::getValue).findFirst())
                .orElseThrow(() -> new InferenceException(Kind.UNAVAILABLE, "no model backend is installed"));
    }

    private static Optional<ModelBackend> byId(List<Map.Entry<Map<String, Object>, ModelBackend>> ranked, String id) {
        return ranked.stream().map(Map.Entry::getValue).filter(b -> id.equals(b.id())).findFirst();
    }

    private static List<String> ids(List<Map.Entry<Map<String, Object>, ModelBackend>> ranked) {
        return ranked.stream().map(e -> e.getValue().id()).distinct().sorted().toList();
    }

    /** Highest service.ranking first, then the oldest service (lowest service.id), as OSGi itself orders services. */
    static final Comparator<Map.Entry<Map<String, Object>, ?>> BY_RANKING = Comparator
            .<Map.Entry<Map<String, Object>, ?>>comparingInt(e -> -ranking(e.getKey()))
            .thenComparingLong(e -> serviceId(e.getKey()));

    static int ranking(Map<String, Object> props) {
        return props.get(Constants.SERVICE_RANKING) instanceof Integer i ? i : 0;
    }

    private static long serviceId(Map<String, Object> props) {
        return props.get(Constants.SERVICE_ID) instanceof Long l ? l : Long.MAX_VALUE;
    }
}
