/**
 * Chain SPIs: the deterministic {@link org.haca.api.chain.ChainApplication} that every consensus engine drives and the
 * {@link org.haca.api.chain.ConsensusEngine} that orders transactions into finalized blocks.
 *
 * <p>Semantic versioning: consumers import this package with a range up to the next major version; providers up
 * to the next minor version. Baselining in the build enforces it once 1.0 is released.
 */
@Export
@Version("0.2.0")
package org.haca.api.chain;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
