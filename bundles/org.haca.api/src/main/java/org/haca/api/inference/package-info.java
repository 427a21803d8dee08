/**
 * Inference: the {@link org.haca.api.inference.InferenceService} front door (modes VANILLA, TEE, ZKML) and the
 * {@link org.haca.api.inference.ModelBackend} SPI that executes models.
 *
 * <p>Semantic versioning: consumers import this package with a range up to the next major version; providers up
 * to the next minor version. Baselining in the build enforces it once 1.0 is released.
 */
@Export
@Version("0.1.0")
package org.haca.api.inference;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
