/**
 * Proof systems: the {@link org.haca.api.proof.ProofSystem} SPI (TEE attestations, ZK proofs, ...), the statement a proof
 * binds, and the verdict a verifier returns.
 *
 * <p>Semantic versioning: consumers import this package with a range up to the next major version; providers up
 * to the next minor version. Baselining in the build enforces it once 1.0 is released.
 */
@Export
@Version("0.3.0")
package org.haca.api.proof;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
