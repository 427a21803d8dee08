package org.haca.api.proof;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A way to prove and check that an inference result came from a committed model and input. Registered as an OSGi
 * service; consumers pick the one whose {@link #schemeId()} matches a proof. Several implementations may share an id
 * during a hot swap; the one with the highest {@code service.ranking} wins.
 *
 * <p>Contract for plugin authors:
 * <ul>
 * <li><b>Thread safety:</b> {@link #prove} and {@link #verify} are called concurrently from many threads.</li>
 * <li><b>Determinism:</b> {@link #verify} must be a pure function of (proof, statement, context): every full node must
 * reach the same verdict, or the network forks. No wall clock, no randomness, no network inside verify; time comes
 * only from {@link VerificationContext#at()}.</li>
 * <li><b>Errors:</b> an invalid, malformed or tampered proof is a {@link Verdict} with {@code valid=false}, never an
 * exception. {@link #verify} must not throw for any input bytes.</li>
 * <li><b>Draining:</b> on deactivation, finish or fail in-flight calls before returning.</li>
 * </ul>
 */
@ConsumerType
public interface ProofSystem {

    /** Stable scheme id, for example {@code tee.nitro.v1} or {@code zk.groth16.bn254.v1}. */
    String schemeId();

    /** Whether this node can produce proofs of this scheme (a verifier-only bundle returns false). */
    boolean canProve();

    /**
     * Produces a proof that binds {@code request.statement()}.
     *
     * @throws ProofException when no proof can be made (no enclave, no proving key, unsupported model); the message
     *         says why
     * @throws UnsupportedOperationException when {@link #canProve()} is false
     */
    Proof prove(ProofRequest request) throws ProofException;

    /**
     * Checks a proof against a statement. Pure and total: see the class contract.
     *
     * @return a verdict whose checks list what was verified; {@code valid=false} with a reason for any failure
     */
    Verdict verify(Proof proof, Statement statement, VerificationContext context);
}
