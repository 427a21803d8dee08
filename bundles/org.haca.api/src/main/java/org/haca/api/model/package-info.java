/**
 * Models and tensors: immutable {@link org.haca.api.model.Tensor} values, model descriptors, the content-addressed
 * {@link org.haca.api.model.ModelRegistry} and the canonical hashing every bundle must share ({@link org.haca.api.model.CanonicalHash}).
 *
 * <p>Semantic versioning: consumers import this package with a range up to the next major version; providers up
 * to the next minor version. Baselining in the build enforces it once 1.0 is released.
 */
@Export
@Version("0.1.0")
package org.haca.api.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
