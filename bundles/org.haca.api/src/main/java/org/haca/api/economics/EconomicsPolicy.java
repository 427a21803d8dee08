package org.haca.api.economics;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Source of the validated economic parameters (the economics bundle reads them from ConfigAdmin). The chain reads
 * {@link #parameters()} once per block, so a change applies from the next block on.
 */
@ProviderType
public interface EconomicsPolicy {
    EconomicsParameters parameters();
}
