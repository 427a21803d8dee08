package org.haca.inference.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.haca.api.inference.InferenceException;
import org.haca.api.inference.ModelBackend;
import org.haca.api.inference.ModelSource;
import org.haca.api.model.CanonicalHash;
import org.haca.api.model.DType;
import org.haca.api.model.ModelDescriptor;
import org.haca.api.model.ModelRegistry;
import org.haca.api.model.ModelRejectedException;
import org.haca.api.model.Tensor;
import org.haca.api.model.TensorSpec;
import org.haca.api.proof.Proof;
import org.haca.api.proof.ProofRequest;
import org.haca.api.proof.ProofSystem;
import org.haca.api.proof.Statement;
import org.haca.api.proof.Verdict;
import org.haca.api.proof.VerificationContext;
import org.osgi.framework.Constants;

/** Small test doubles for the engine's collaborators; the real ones are tested in their own bundles. */
final class Fakes {
    static final byte[] MODEL_BYTES = "row-sum model".getBytes();
    static final String MODEL_ID = CanonicalHash.ofBytes(MODEL_BYTES);
    static final ModelDescriptor MODEL = new ModelDescriptor(MODEL_ID, "row-sum", MODEL_BYTES.length,
            List.of(new TensorSpec("x", DType.FLOAT32, List.of(-1L, 3L))),
            List.of(new TensorSpec("y", DType.FLOAT32, List.of(-1L, 1L))), Instant.EPOCH);

    private Fakes() {
    }

    static <S> Map.Entry<Map<String, Object>, S> service(S s, int ranking, long serviceId) {
        return new AbstractMap.SimpleEntry<>(Map.of(Constants.SERVICE_RANKING, ranking, Constants.SERVICE_ID,
                serviceId), s);
    }

    /** One model, held in memory; {@code corrupt} makes reads fail as the real registry does for a bad file. */
    static final class Registry implements ModelRegistry {
        boolean corrupt;
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public ModelDescriptor store(String name, InputStream bytes, long maxBytes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ModelDescriptor> list() {
            return List.of(MODEL);
        }

        @Override
        public Optional<ModelDescriptor> find(String id) {
            return MODEL_ID.equals(id) ? Optional.of(MODEL) : Optional.empty();
        }

        @Override
        public byte[] read(String id) throws ModelRejectedException, IOException {
            reads.incrementAndGet();
            if (corrupt) {
                throw new ModelRejectedException(ModelRejectedException.Reason.CORRUPTED, "hash mismatch");
            }
            return MODEL_BYTES.clone();
        }

        @Override
        public boolean delete(String id) {
            return false;
        }
    }

    /** Sums each row of x (times {@code scale}); reads the model bytes like a backend without a cache. */
    static final class RowSumBackend implements ModelBackend {
        final String id;
        final boolean deterministic;
        final float scale;
        final List<String> calls = new ArrayList<>();
        RuntimeException failWith;
        /** Thrown (after {@link #onCall} runs) to act as a backend that is being stopped. */
        InferenceException refuseWith;
        Runnable onCall;

        RowSumBackend(String id, boolean deterministic, float scale) {
            this.id = id;
            this.deterministic = deterministic;
            this.scale = scale;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public boolean deterministic() {
            return deterministic;
        }

        @Override
        public synchronized Map<String, Tensor> infer(ModelSource model, Map<String, Tensor> inputs)
                throws InferenceException {
            calls.add(model.descriptor().id());
            model.bytes();
            if (failWith != null) {
                throw failWith;
            }
            if (onCall != null) {
                onCall.run();
            }
            if (refuseWith != null) {
                throw refuseWith;
            }
            Tensor x = inputs.get("x");
            float[] v = x.floats();
            int rows = (int) x.shape()[0];
            float[] y = new float[rows];
            for (int r = 0; r < rows; r++) {
                y[r] = (v[r * 3] + v[r * 3 + 1] + v[r * 3 + 2]) * scale;
            }
            return Map.of("y", Tensor.ofFloats(new long[] {rows, 1}, y));
        }

        @Override
        public void unload(String modelId) {
        }
    }

    /** Records the statement it was asked to bind and returns it as the payload. */
    static final class Prover implements ProofSystem {
        final String scheme;
        final boolean canProve;
        Statement lastStatement;
        ProofRequest lastRequest;

        Prover(String scheme, boolean canProve) {
            this.scheme = scheme;
            this.canProve = canProve;
        }

        @Override
        public String schemeId() {
            return scheme;
        }

        @Override
        public boolean canProve() {
            return canProve;
        }

        @Override
        public Proof prove(ProofRequest request) {
            lastRequest = request;
            lastStatement = request.statement();
            return new Proof(scheme, request.statement().toString().getBytes(), Map.of("by", scheme));
        }

        @Override
        public Verdict verify(Proof proof, Statement statement, VerificationContext context) {
            throw new UnsupportedOperationException();
        }
    }
}
