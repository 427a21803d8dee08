/**
 * Read-only economics queries: token supply breakdown and account views ({@link org.haca.api.economics.Ledger}).
 *
 * <p>Semantic versioning: consumers import this package with a range up to the next major version; providers up
 * to the next minor version. Baselining in the build enforces it once 1.0 is released.
 */
@Export
@Version("0.2.0")
package org.haca.api.economics;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
